#include <unistd.h>

#include "hakit/conformance_steps.h"
#include "hakit/error.h"
#include "hakit/schema_check.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

using ocf::ExitCode;

constexpr const char* kFailHaveBinary = "OCF_TESTER_FAIL_HAVE_BINARY";

void check_runs_as_nobody(CheckSession& session) {
  const std::string title = "meta-data runs as user nobody (the agent should be mode 755)";
  if (::geteuid() != 0) {
    session.record({.verdict = Verdict::kSkip, .title = title, .detail = "not running as root"});
    return;
  }
  Invocation invocation = session.operation("meta-data");
  invocation.as_nobody = true;
  session.expect(title, session.run(invocation), {ExitCode::kSuccess});
}

CheckResult validation_check(std::string title, const std::vector<std::string>& violations) {
  return {.verdict = violations.empty() ? Verdict::kPass : Verdict::kFail,
          .title = std::move(title),
          .detail = join(violations, "\n")};
}

void check_schemas(CheckSession& session, xmlDoc* doc) {
  std::vector<std::string> dtd_problems;
  if (!declares_doctype(doc, "resource-agent")) {
    dtd_problems.push_back(
        "no <!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\">: xmllint --valid, which "
        "ocf-tester runs, fails with \"no DTD found\"");
  }
  for (std::string& problem : dtd_violations(doc, find_schema(kOcfDtd))) {
    dtd_problems.push_back(std::move(problem));
  }
  session.record(
      validation_check("meta-data validates against ra-api-1.dtd (as ocf-tester)", dtd_problems));
  session.record(validation_check("meta-data validates against the OCF 1.1 RelaxNG schema",
                                  relaxng_violations(doc, find_schema(kOcf11RelaxNg))));
}

void skip_schemas(CheckSession& session) {
  for (const char* schema : {"ra-api-1.dtd (as ocf-tester)", "the OCF 1.1 RelaxNG schema"}) {
    session.record({.verdict = Verdict::kSkip,
                    .title = cat("meta-data validates against ", schema),
                    .detail = "there is no meta-data XML to validate"});
  }
}

}  // namespace

void check_metadata(CheckSession& session) {
  check_runs_as_nobody(session);

  AgentRun run = session.run(session.operation("meta-data"));
  CheckResult printed{.title = "meta-data returns 0 and prints <resource-agent> XML"};
  XmlDocument doc;
  try {
    doc = parse_xml(run.result.out);
    session.set_metadata(read_metadata(run.result.out));
    if (!run.returned(ExitCode::kSuccess)) {
      printed.verdict = Verdict::kFail;
      printed.detail = describe_run(run);
    }
  } catch (const Error& unreadable) {
    printed.verdict = Verdict::kFail;
    printed.detail = describe_run(run) + "\nstdout: " + unreadable.what();
  }
  printed.runs.push_back(std::move(run));
  session.record(std::move(printed));

  if (doc != nullptr) {
    check_schemas(session, doc.get());
  } else {
    skip_schemas(session);
  }

  Invocation without_binaries = session.operation("meta-data");
  without_binaries.extra_env[kFailHaveBinary] = "1";
  session.expect("meta-data returns 0 with OCF_TESTER_FAIL_HAVE_BINARY=1",
                 session.run(without_binaries), {ExitCode::kSuccess});
}

}  // namespace hakit::cli
