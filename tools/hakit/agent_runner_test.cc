#include "hakit/agent_runner.h"

#include <catch2/catch.hpp>

using namespace hakit::cli;
using namespace std::chrono_literals;
using hakit::ocf::ExitCode;

TEST_CASE("the agent gets Pacemaker's OCF environment", "[runner]") {
  const AgentTarget target{.path = "/usr/lib/ocf/resource.d/hakit/Filesystem",
                           .instance = "fs1",
                           .params = {{"device", "/dev/loop0"}, {"fstype", "ext4"}}};
  const Invocation invocation{
      .action = "monitor",
      .timeout = 40s,
      .interval = 20s,
      .check_level = 10,
      .extra_env = {{"OCF_TESTER_FAIL_HAVE_BINARY", "1"}, {"OCF_RESKEY_fstype", "xfs"}}};
  const auto env = agent_environment(target, invocation);
  CHECK(env.at("OCF_ROOT") == "/usr/lib/ocf");
  CHECK(env.at("OCF_RA_VERSION_MAJOR") == "1");
  CHECK(env.at("OCF_RA_VERSION_MINOR") == "1");
  CHECK(env.at("OCF_RESOURCE_INSTANCE") == "fs1");
  CHECK(env.at("OCF_RESOURCE_TYPE") == "Filesystem");
  CHECK(env.at("OCF_RESOURCE_PROVIDER") == "hakit");
  CHECK(env.at("OCF_EXIT_REASON_PREFIX") == "ocf-exit-reason:");
  CHECK(env.at("OCF_CHECK_LEVEL") == "10");
  CHECK(env.at("OCF_RESKEY_CRM_meta_timeout") == "40000");
  CHECK(env.at("OCF_RESKEY_CRM_meta_interval") == "20000");
  CHECK(env.at("OCF_RESKEY_device") == "/dev/loop0");
  CHECK(env.at("OCF_TESTER_FAIL_HAVE_BINARY") == "1");
  // Extra variables win, so a check can override a parameter.
  CHECK(env.at("OCF_RESKEY_fstype") == "xfs");
  // The action itself is argv[1], never in the environment.
  CHECK(env.count("__OCF_ACTION") == 0);
}

TEST_CASE("defaults: a non-recurring operation with a 20 s timeout at level 0", "[runner]") {
  const auto env = agent_environment({.path = "./Dummy", .instance = "d"}, {.action = "start"});
  CHECK(env.at("OCF_RESKEY_CRM_meta_timeout") == "20000");
  CHECK(env.at("OCF_RESKEY_CRM_meta_interval") == "0");
  CHECK(env.at("OCF_CHECK_LEVEL") == "0");
}

TEST_CASE("the type and provider come from the agent's path", "[runner]") {
  CHECK(resource_type("/usr/lib/ocf/resource.d/heartbeat/IPaddr2") == "IPaddr2");
  CHECK(resource_provider("/usr/lib/ocf/resource.d/heartbeat/IPaddr2") == "heartbeat");
}

TEST_CASE("the exit reason is the first ocf-exit-reason line of stderr", "[runner]") {
  CHECK_FALSE(find_exit_reason(""));
  CHECK_FALSE(find_exit_reason("ERROR: something\n"));
  CHECK(find_exit_reason("INFO: checking\nocf-exit-reason:Couldn't find device [/dev/x]\n") ==
        "Couldn't find device [/dev/x]");
  CHECK(find_exit_reason("ocf-exit-reason: first \nocf-exit-reason:second") == "first");
  // Only at the start of a line, as the executor reads it.
  CHECK_FALSE(find_exit_reason("quoting ocf-exit-reason:x\n"));
}

TEST_CASE("outcomes are named as Pacemaker names them", "[runner]") {
  AgentRun run{.invocation = {.action = "monitor", .timeout = 20s}};
  run.result.exit_status = 7;
  CHECK(describe_outcome(run) == "OCF_NOT_RUNNING (7)");
  CHECK(run.returned(ExitCode::kNotRunning));
  CHECK_FALSE(run.is_failure());

  run.result.exit_status = 42;
  CHECK(describe_outcome(run) == "exit status 42 (not an OCF code)");
  CHECK(run.is_failure());

  run.result.exit_status = -1;
  run.result.timed_out = true;
  CHECK(describe_outcome(run) == "timed out after 20.00 s");
  CHECK(run.is_failure());

  run.result.timed_out = false;
  run.result.signal = 9;
  CHECK(describe_outcome(run) == "killed by signal 9");
}

TEST_CASE("only error codes are failures an agent must explain", "[runner]") {
  for (int benign : {0, 3, 7, 8, 190, 191}) {
    AgentRun run;
    run.result.exit_status = benign;
    CHECK_FALSE(run.is_failure());
  }
  for (int error : {1, 2, 4, 5, 6, 9}) {
    AgentRun run;
    run.result.exit_status = error;
    CHECK(run.is_failure());
  }
}

TEST_CASE("durations read naturally", "[runner]") {
  CHECK(format_duration(1500us) == "1.5 ms");
  CHECK(format_duration(20s) == "20.00 s");
}
