#include "hakit/report.h"

#include <catch2/catch.hpp>

using namespace hakit::cli;
using namespace std::chrono_literals;

namespace {

AgentRun sample_run(const std::string& action, int status) {
  AgentRun run{.invocation = {.action = action, .timeout = 20000ms}};
  run.result.exit_status = status;
  run.elapsed = 12500us;
  return run;
}

}  // namespace

TEST_CASE("a check is one line, with its detail indented below", "[report]") {
  const CheckResult passed{.title = "start returns OCF_SUCCESS", .runs = {sample_run("start", 0)}};
  const std::string line = format_check(passed);
  CHECK(line.starts_with("PASS  start returns OCF_SUCCESS "));
  CHECK(line.ends_with(" 12.5 ms\n"));
  CHECK(line.find('\n') == line.size() - 1);

  const CheckResult failed{.verdict = Verdict::kFail,
                           .title = "monitor returns OCF_NOT_RUNNING",
                           .detail = "returned OCF_SUCCESS (0)\nstderr: oops"};
  CHECK(format_check(failed) ==
        "FAIL  monitor returns OCF_NOT_RUNNING\n"
        "      returned OCF_SUCCESS (0)\n"
        "      stderr: oops\n");
}

TEST_CASE("the summary counts verdicts and says whether the agent passed", "[report]") {
  Report report{.agent = "/x/Agent", .instance = "a1"};
  report.checks = {{.verdict = Verdict::kPass, .title = "a"},
                   {.verdict = Verdict::kSkip, .title = "b"}};
  CHECK(report.passed());
  CHECK(format_summary(report) ==
        "2 checks: 1 passed, 0 failed, 1 skipped\n/x/Agent passed all checks\n");

  report.checks.push_back({.verdict = Verdict::kFail, .title = "c"});
  CHECK_FALSE(report.passed());
  CHECK(format_summary(report).ends_with("/x/Agent FAILED\n"));
}

TEST_CASE("the JSON report carries verdicts, runs and exit reasons", "[report]") {
  AgentRun run = sample_run("validate-all", 6);
  run.exit_reason = "device \"x\" is missing";
  Report report{.agent = "/x/Agent", .instance = "a1"};
  report.checks = {{.verdict = Verdict::kFail, .title = "validate-all", .runs = {run}}};

  const std::string json = format_json(report);
  CHECK(json.starts_with(R"j({"agent":"/x/Agent","instance":"a1","passed":false,)j"));
  CHECK_THAT(json, Catch::Contains(R"j("counts":{"pass":0,"fail":1,"skip":0})j"));
  CHECK_THAT(json, Catch::Contains(R"j("verdict":"fail","title":"validate-all")j"));
  CHECK_THAT(json, Catch::Contains(R"j("exit_status":6,"outcome":"OCF_ERR_CONFIGURED (6)")j"));
  CHECK_THAT(json, Catch::Contains(R"j("duration_ms":12.500)j"));
  CHECK_THAT(json, Catch::Contains(R"j("exit_reason":"device \"x\" is missing")j"));
}

TEST_CASE("JSON strings are escaped", "[report]") {
  CHECK(json_string("plain") == "\"plain\"");
  CHECK(json_string("a\"b\\c\nd\te") == R"j("a\"b\\c\nd\te")j");
  CHECK(json_string(std::string("\x01", 1)) == R"j("\u0001")j");
}
