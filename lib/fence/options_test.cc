#include "fence/options.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "fence/fake_device_for_tests.h"

using namespace hakit::fence;
using hakit::exec::Deadline;
using hakit::exec::Millis;
using testing::kTestMetadata;

namespace {

std::string config_error(const Options& options) {
  try {
    options.check_required();
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::kBadConfig);
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("stdin lines: comments and blank lines skipped, last value wins, quotes stripped",
          "[fence][options]") {
  const Options options = Options::from_stdin(kTestMetadata,
                                              "# written by the fencer\n"
                                              "\n"
                                              "action=off\r\n"
                                              "ip=10.0.0.1\n"
                                              "  ip=\"10.0.0.2\"\n"
                                              "action=status\n");
  CHECK(options.str("action") == "status");
  CHECK(options.str("ip") == "10.0.0.2");
}

TEST_CASE("deprecated aliases feed the current option, and the later one wins",
          "[fence][options]") {
  const Options options = Options::from_stdin(kTestMetadata,
                                              "ipaddr=10.0.0.1\n"
                                              "passwd=old\n"
                                              "password=new\n"
                                              "port=3\n");
  CHECK(options.str("ip") == "10.0.0.1");
  CHECK(options.str("password") == "new");
  CHECK(options.str("plug") == "3");
  CHECK(options.str("port") == "3");
  CHECK(options.target() == "3");
}

TEST_CASE("names take '-' for '_', as fencing.py does", "[fence][options]") {
  const Options options = Options::from_stdin(kTestMetadata, "power-timeout=5\n");
  CHECK(options.seconds("power_timeout") == Millis(5000));
}

TEST_CASE("unknown keys are ignored and remembered by name only", "[fence][options]") {
  const Options options =
      Options::from_stdin(kTestMetadata, "ip=10.0.0.1\nfoo=secret-value\npcmk_x=1\n");
  CHECK(options.ignored() == std::vector<std::string>{"foo", "pcmk_x"});
  CHECK(options.describe().find("secret-value") == std::string::npos);
  CHECK_FALSE(options.declares("foo"));
  CHECK_THROWS_AS(options.str("foo"), std::logic_error);
}

TEST_CASE("nodename is accepted and is the target when no plug is set", "[fence][options]") {
  Options options = Options::from_stdin(kTestMetadata, "nodename=node1\n");
  CHECK(options.ignored().empty());
  CHECK(options.nodename() == "node1");
  CHECK(options.target() == "node1");
  options.set("plug", "7");
  CHECK(options.target() == "7");
}

TEST_CASE("no plug and no nodename: the target is a configuration error", "[fence][options]") {
  const Options options(kTestMetadata);
  try {
    options.target();
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::kBadConfig);
  }
}

TEST_CASE("booleans take fencing.py's spellings, anything else is ignored", "[fence][options]") {
  Options options(kTestMetadata);
  CHECK_FALSE(options.flag("lanplus"));
  options.set("lanplus", "yes");
  CHECK(options.flag("lanplus"));
  options.set("lanplus", "maybe");
  CHECK(options.flag("lanplus"));
  options.set("lanplus", "off");
  CHECK_FALSE(options.flag("lanplus"));
}

TEST_CASE("typed values: defaults, seconds with fractions, malformed numbers", "[fence][options]") {
  Options options(kTestMetadata);
  CHECK(options.integer("ipport") == 161);
  CHECK(options.seconds("power_timeout") == Millis(20000));
  CHECK_FALSE(options.is_set("power_timeout"));
  options.set("power_timeout", "2.5");
  CHECK(options.seconds("power_timeout") == Millis(2500));
  options.set("power_timeout", "soon");
  CHECK_THROWS_AS(options.seconds("power_timeout"), Error);
  options.set("ipport", "16x");
  CHECK_THROWS_AS(options.integer("ipport"), Error);
}

TEST_CASE("required options: named when missing, the plug is left to target()",
          "[fence][options]") {
  Options options(kTestMetadata);
  CHECK(config_error(options) == "required option 'ip' is not set");
  options.set("ipaddr", "10.0.0.1");
  CHECK(config_error(options) == "no error");
}

TEST_CASE("secrets never show: describe() and error messages hide them", "[fence][options]") {
  Options options(kTestMetadata);
  options.set("ip", "10.0.0.1");
  options.set("passwd", "hunter2");
  CHECK(options.describe() == "ip=10.0.0.1 password=<hidden>");
  CHECK(is_secret("password"));
  CHECK(is_secret("snmp_priv_passwd"));
  CHECK(is_secret("community"));
  CHECK_FALSE(is_secret("username"));
}

TEST_CASE("a secret comes from its option or else from its _script", "[fence][options]") {
  Options options(kTestMetadata);
  const Deadline deadline = Deadline::in(std::chrono::seconds(10));
  CHECK_FALSE(options.secret("password", deadline));
  options.set("password_script", "/bin/echo from-script");
  CHECK(options.secret("password", deadline) == "from-script");
  options.set("password", "direct");
  CHECK(options.secret("password", deadline) == "direct");

  Options failing(kTestMetadata);
  failing.set("password_script", "/bin/false");
  CHECK_THROWS_AS(failing.secret("password", deadline), Error);
}

TEST_CASE("a password_script is bounded: in time, one line, no NUL", "[fence][options]") {
  const Deadline deadline = Deadline::in(std::chrono::seconds(10));
  Options runaway(kTestMetadata);
  runaway.set("password_script", "/usr/bin/yes abcdefgh");
  CHECK_THROWS_AS(runaway.secret("password", Deadline::in(std::chrono::milliseconds(300))), Error);

  Options binary(kTestMetadata);
  binary.set("password_script", "/usr/bin/head -c 64 /dev/zero");
  CHECK_THROWS_AS(binary.secret("password", deadline), Error);

  Options hung(kTestMetadata);
  hung.set("password_script", "/bin/sleep 60");
  CHECK_THROWS_AS(hung.secret("password", Deadline::in(std::chrono::milliseconds(200))), Error);
}
