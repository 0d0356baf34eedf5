#include "exec/command.h"

#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>

using hakit::exec::Command;
using hakit::exec::Deadline;
using hakit::exec::Millis;
using hakit::exec::run;

TEST_CASE("run captures stdout, stderr and the exit status", "[exec]") {
  const auto result = run(Command{.argv = {"sh", "-c", "echo out; echo err >&2; exit 3"}},
                          Deadline::in(Millis(5000)));
  CHECK(result.exit_status == 3);
  CHECK(result.out == "out\n");
  CHECK(result.err == "err\n");
  CHECK(result.first_error_line() == "err");
  CHECK(result.describe() == "exit 3");
}

TEST_CASE("run feeds input on stdin and never through argv", "[exec]") {
  const auto result =
      run(Command{.argv = {"cat"}, .input = "secret=hunter2\n"}, Deadline::in(Millis(5000)));
  CHECK(result.ok());
  CHECK(result.out == "secret=hunter2\n");
}

TEST_CASE("run gives children a controlled environment", "[exec]") {
  ::setenv("OCF_RESKEY_password", "hunter2", 1);
  ::setenv("HA_LOGFACILITY", "daemon", 1);
  const auto result =
      run(Command{.argv = {"env"}, .env = {{"EXTRA", "1"}}}, Deadline::in(Millis(5000)));
  ::unsetenv("OCF_RESKEY_password");
  CHECK(result.out.find("OCF_RESKEY_password") == std::string::npos);
  CHECK(result.out.find("HA_LOGFACILITY=daemon") != std::string::npos);
  CHECK(result.out.find("EXTRA=1") != std::string::npos);
  CHECK(result.out.find("LC_ALL=C") != std::string::npos);
}

TEST_CASE("run kills the whole process group at the deadline", "[exec]") {
  const auto started = std::chrono::steady_clock::now();
  // The grandchild would keep the pipe open for 30 s if only the child were killed.
  const auto result =
      run(Command{.argv = {"sh", "-c", "sleep 30 & sleep 30; wait"}}, Deadline::in(Millis(300)));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  CHECK(result.timed_out);
  CHECK(result.signal == SIGTERM);
  CHECK(result.describe() == "timed out");
  CHECK(elapsed < std::chrono::seconds(5));
}

TEST_CASE("run does not wait for daemons a command leaves behind", "[exec]") {
  const auto started = std::chrono::steady_clock::now();
  const auto result =
      run(Command{.argv = {"sh", "-c", "sleep 5 & echo spawned"}}, Deadline::in(Millis(10000)));
  CHECK(result.ok());
  CHECK(result.out == "spawned\n");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));
}

TEST_CASE("run bounds captured output", "[exec]") {
  const auto result =
      run(Command{.argv = {"head", "-c", "100000", "/dev/zero"}, .max_output = 1000},
          Deadline::in(Millis(5000)));
  CHECK(result.ok());
  CHECK(result.out.size() == 1000);
}

TEST_CASE("a missing program is exit 127, not an exception", "[exec]") {
  const auto result = run(Command{.argv = {"no-such-program-hakit"}}, Deadline::in(Millis(1000)));
  CHECK(result.exit_status == 127);
  CHECK_FALSE(hakit::exec::find_program("no-such-program-hakit"));
}

TEST_CASE("find_program honours OCF_TESTER_FAIL_HAVE_BINARY", "[exec]") {
  CHECK(hakit::exec::find_program("sh"));
  ::setenv("OCF_TESTER_FAIL_HAVE_BINARY", "1", 1);
  CHECK_FALSE(hakit::exec::find_program("sh"));
  ::unsetenv("OCF_TESTER_FAIL_HAVE_BINARY");
}

TEST_CASE("deadlines cap and expire", "[exec]") {
  const auto never = Deadline::never();
  CHECK_FALSE(never.expired());
  CHECK(never.capped(Millis(100)).remaining() <= Millis(100));
  CHECK(Deadline::in(Millis(0)).expired());
}
