#include "storage/signal_list.h"

#include <signal.h>

#include <catch2/catch.hpp>

#include "ocf/error.h"

using hakit::storage::parse_signal_list;
using hakit::storage::signal_name;

TEST_CASE("signal lists take names, SIG names and numbers", "[storage][signals]") {
  CHECK(parse_signal_list("TERM", "term_signals") == std::vector<int>{SIGTERM});
  CHECK(parse_signal_list("SIGTERM  hup", "term_signals") == std::vector<int>{SIGTERM, SIGHUP});
  CHECK(parse_signal_list("15 9", "kill_signals") == std::vector<int>{SIGTERM, SIGKILL});
  CHECK(parse_signal_list(" KILL\t", "kill_signals") == std::vector<int>{SIGKILL});
  CHECK(parse_signal_list("usr1", "term_signals") == std::vector<int>{SIGUSR1});
}

TEST_CASE("a bad signal list names the parameter", "[storage][signals]") {
  for (const char* text : {"TERMINATE", "0", "999", "-9", "", "  "}) {
    INFO(text);
    try {
      parse_signal_list(text, "kill_signals");
      FAIL("no error");
    } catch (const hakit::ocf::Error& error) {
      CHECK(error.code() == hakit::ocf::ExitCode::kErrConfigured);
      CHECK_THAT(error.what(), Catch::Contains("kill_signals"));
    }
  }
}

TEST_CASE("signals are named for the log", "[storage][signals]") {
  CHECK(signal_name(SIGTERM) == "TERM");
  CHECK(signal_name(SIGKILL) == "KILL");
}
