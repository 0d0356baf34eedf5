// The dispatcher, run in-process with stdout and stderr redirected to files.
#include "ocf/agent.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>

#include "exec/command.h"
#include "ocf/error.h"
#include "util/strings.h"

using namespace hakit::ocf;

namespace {

const ParamSpec kParams[] = {{"state", ParamType::kString, true, false, ""}};
const ActionSpec kActions[] = {{"start", hakit::exec::Millis(20000), {}, 0, ""},
                               {"stop", hakit::exec::Millis(20000), {}, 0, ""},
                               {"monitor", hakit::exec::Millis(20000), {}, 0, ""},
                               {"meta-data", hakit::exec::Millis(5000), {}, 0, ""},
                               {"validate-all", hakit::exec::Millis(5000), {}, 0, ""}};
const AgentMetadata kMetadata{"Probe", "<resource-agent name=\"Probe\"/>\n", kParams, kActions};

class ProbeAgent : public Agent {
 public:
  std::string last_action;
  void validate(const Context& ctx) override {
    if (ctx.params.str("state") == "bad") throw Error(ExitCode::kErrConfigured, "state is bad");
  }
  ExitCode start(const Context& ctx) override { return record(ctx, ExitCode::kSuccess); }
  ExitCode stop(const Context& ctx) override { return record(ctx, ExitCode::kSuccess); }
  ExitCode monitor(const Context& ctx) override {
    if (ctx.params.str("state") == "crash") throw std::runtime_error("boom");
    return record(ctx, ExitCode::kNotRunning);
  }

 private:
  ExitCode record(const Context& ctx, ExitCode code) {
    last_action = ctx.action;
    return code;
  }
};

struct Outcome {
  int code;
  std::string out, err;
};

/// Runs dispatch with fds 1 and 2 pointed at temporary files.
Outcome dispatch_captured(ProbeAgent& agent, const char* action) {
  char out_path[] = "/tmp/hakit-agent-test-out-XXXXXX";
  char err_path[] = "/tmp/hakit-agent-test-err-XXXXXX";
  const int out_fd = ::mkstemp(out_path), err_fd = ::mkstemp(err_path);
  std::fflush(stdout);
  std::fflush(stderr);
  const int saved_out = ::dup(1), saved_err = ::dup(2);
  ::dup2(out_fd, 1);
  ::dup2(err_fd, 2);
  char program[] = "Probe";
  char* argv[] = {program, const_cast<char*>(action), nullptr};
  Outcome outcome{dispatch(agent, kMetadata, action ? 2 : 1, argv), {}, {}};
  std::fflush(stdout);
  std::fflush(stderr);
  ::dup2(saved_out, 1);
  ::dup2(saved_err, 2);
  for (int fd : {saved_out, saved_err, out_fd, err_fd}) ::close(fd);
  hakit::read_file(out_path, outcome.out);
  hakit::read_file(err_path, outcome.err);
  ::unlink(out_path);
  ::unlink(err_path);
  return outcome;
}

struct ScopedEnv {
  ScopedEnv(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  ~ScopedEnv() { ::unsetenv(name_); }
  const char* name_;
};

}  // namespace

TEST_CASE("meta-data prints the XML on stdout and needs no parameters", "[ocf]") {
  ProbeAgent agent;
  const auto outcome = dispatch_captured(agent, "meta-data");
  CHECK(outcome.code == 0);
  CHECK(outcome.out == kMetadata.xml);
  CHECK(outcome.err.empty());
}

TEST_CASE("actions dispatch with parameters and leave stdout clean", "[ocf]") {
  ScopedEnv state("OCF_RESKEY_state", "ok");
  ScopedEnv rsctmp("HA_RSCTMP", "/tmp");
  ProbeAgent agent;
  auto outcome = dispatch_captured(agent, "monitor");
  CHECK(outcome.code == 7);
  CHECK(agent.last_action == "monitor");
  CHECK(outcome.out.empty());
  outcome = dispatch_captured(agent, "status");
  CHECK(outcome.code == 7);
  outcome = dispatch_captured(agent, "start");
  CHECK(outcome.code == 0);
  CHECK(agent.last_action == "start");
}

TEST_CASE("an unadvertised action is OCF_ERR_UNIMPLEMENTED", "[ocf]") {
  ScopedEnv state("OCF_RESKEY_state", "ok");
  ProbeAgent agent;
  CHECK(dispatch_captured(agent, "promote").code == 3);
  CHECK(dispatch_captured(agent, "frobnicate").code == 3);
}

TEST_CASE("no action is OCF_ERR_ARGS with usage on stderr", "[ocf]") {
  ProbeAgent agent;
  const auto outcome = dispatch_captured(agent, nullptr);
  CHECK(outcome.code == 2);
  CHECK(outcome.out.empty());
  CHECK(outcome.err.find("usage: Probe {start|stop|monitor|meta-data|validate-all}") !=
        std::string::npos);
}

TEST_CASE("errors become an exit reason and their code", "[ocf]") {
  ProbeAgent agent;
  SECTION("missing required parameter") {
    const auto outcome = dispatch_captured(agent, "validate-all");
    CHECK(outcome.code == 6);
    CHECK(outcome.err.find("ocf-exit-reason:required parameter 'state' is not set") !=
          std::string::npos);
  }
  SECTION("validation runs before start") {
    ScopedEnv state("OCF_RESKEY_state", "bad");
    const auto outcome = dispatch_captured(agent, "start");
    CHECK(outcome.code == 6);
    CHECK(agent.last_action.empty());
    CHECK(outcome.err.find("ocf-exit-reason:state is bad") != std::string::npos);
  }
  SECTION("unexpected exceptions are generic errors") {
    ScopedEnv state("OCF_RESKEY_state", "crash");
    const auto outcome = dispatch_captured(agent, "monitor");
    CHECK(outcome.code == 1);
    CHECK(outcome.err.find("ocf-exit-reason:internal error during monitor: boom") !=
          std::string::npos);
  }
  SECTION("the exit reason prefix comes from Pacemaker") {
    ScopedEnv prefix("OCF_EXIT_REASON_PREFIX", "reason=");
    const auto outcome = dispatch_captured(agent, "validate-all");
    CHECK(outcome.err.find("reason=required parameter") != std::string::npos);
  }
}

TEST_CASE("unknown parameters are warned about in validate-all", "[ocf]") {
  ScopedEnv state("OCF_RESKEY_state", "ok");
  ScopedEnv typo("OCF_RESKEY_stat", "x");
  ProbeAgent agent;
  const auto outcome = dispatch_captured(agent, "validate-all");
  CHECK(outcome.code == 0);
  CHECK(outcome.err.find("unknown parameter 'stat' is ignored") != std::string::npos);
}

TEST_CASE("trace_ra writes every line of the action to a trace file", "[ocf]") {
  char dir[] = "/tmp/hakit-trace-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  const std::string trace_file = std::string(dir) + "/trace";
  ScopedEnv state("OCF_RESKEY_state", "ok");
  ScopedEnv trace("OCF_RESKEY_trace_ra", "1");
  ScopedEnv file("OCF_RESKEY_trace_file", trace_file.c_str());
  ProbeAgent agent;
  CHECK(dispatch_captured(agent, "validate-all").code == 0);
  hakit::exec::run(hakit::exec::Command{.argv = {"true"}}, hakit::exec::Deadline::never());
  hakit::exec::run(hakit::exec::Command{.argv = {"true", "--password=hunter2", "hunter2"},
                                        .secrets = {"hunter2"}},
                   hakit::exec::Deadline::never());
  std::string contents;
  REQUIRE(hakit::read_file(trace_file, contents));
  CHECK(contents.find("DEBUG: ran: true -> exit 0 in") != std::string::npos);
  CHECK(contents.find("DEBUG: ran: true --password=*** *** -> exit 0") != std::string::npos);
  CHECK(contents.find("hunter2") == std::string::npos);
  ::unlink(trace_file.c_str());
  ::rmdir(dir);
}
