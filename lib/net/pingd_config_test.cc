#include "net/pingd_config.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "metadata/pingd.h"
#include "ocf/failure_for_tests.h"

using hakit::exec::Millis;
using hakit::net::DebugLevel;
using hakit::net::parse_ping_options;
using hakit::net::PingdConfig;
using hakit::ocf::Environment;
using hakit::ocf::ExitCode;
using hakit::ocf::failure_of;
using hakit::ocf::Parameters;

namespace {

using Vars = std::map<std::string, std::string, std::less<>>;

Vars base() {
  return {{"OCF_RESKEY_host_list", "10.0.0.1 10.0.0.2"}, {"OCF_RESOURCE_INSTANCE", "ping:0"}};
}

PingdConfig config_from(const Vars& vars) {
  const Environment env(vars);
  const Parameters params(hakit::metadata::pingd, env);
  return PingdConfig::from(params, env);
}

std::string error_with(const std::string& parameter, const std::string& value) {
  Vars vars = base();
  vars["OCF_RESKEY_" + parameter] = value;
  const auto failure = failure_of([&] { config_from(vars); });
  CHECK(failure.code == ExitCode::kErrConfigured);
  return failure.reason;
}

}  // namespace

TEST_CASE("pingd's defaults are ocf:pacemaker:ping's", "[net][pingd_config]") {
  ::setenv("HA_RSCTMP", "/run/resource-agents", 1);
  const PingdConfig config = config_from(base());
  CHECK(config.attribute == "pingd");
  CHECK(config.hosts.size() == 2);
  CHECK(config.multiplier == 1);
  CHECK(config.dampen == Millis(5000));
  CHECK(config.probe.attempts == 3);
  CHECK(config.probe.timeout == Millis(2000));
  CHECK_FALSE(config.failure_score);
  CHECK(config.debug == DebugLevel::kOff);
  CHECK(config.attribute_set.empty());
  // Per attribute for an anonymous clone: every instance on the node is the same one.
  CHECK(config.state_file == "/run/resource-agents/pingd-pingd");
  CHECK(config.ignored.empty());
}

TEST_CASE("pingd takes ping's parameters and heartbeat pingd's set", "[net][pingd_config]") {
  Vars vars = base();
  vars["OCF_RESKEY_name"] = "connectivity";
  vars["OCF_RESKEY_multiplier"] = "100";
  vars["OCF_RESKEY_dampen"] = "10s";
  vars["OCF_RESKEY_attempts"] = "2";
  vars["OCF_RESKEY_timeout"] = "500ms";
  vars["OCF_RESKEY_failure_score"] = "100";
  vars["OCF_RESKEY_debug"] = "verbose";
  vars["OCF_RESKEY_set"] = "status-set";
  vars["OCF_RESKEY_pidfile"] = "/run/my-ping";
  const PingdConfig config = config_from(vars);
  CHECK(config.attribute == "connectivity");
  CHECK(config.multiplier == 100);
  CHECK(config.dampen == Millis(10000));
  CHECK(config.probe.attempts == 2);
  CHECK(config.probe.timeout == Millis(500));
  CHECK(config.failure_score == 100);
  CHECK(config.debug == DebugLevel::kVerbose);
  CHECK(config.attribute_set == "status-set");
  CHECK(config.state_file == "/run/my-ping");
}

TEST_CASE("a globally unique clone keeps one state file per instance", "[net][pingd_config]") {
  ::setenv("HA_RSCTMP", "/tmp/rsc", 1);
  Vars vars = base();
  vars["OCF_RESKEY_CRM_meta_globally_unique"] = "true";
  CHECK(config_from(vars).state_file == "/tmp/rsc/pingd-ping:0");
  ::setenv("HA_RSCTMP", "/run/resource-agents", 1);
}

TEST_CASE("pingd's bad parameters are configuration errors", "[net][pingd_config]") {
  CHECK_THAT(error_with("host_list", "10.0.0.1 10.0.0.999"),
             Catch::Contains("'10.0.0.999' is not a valid IPv4 address"));
  CHECK_THAT(error_with("attempts", "0"), Catch::Contains("'attempts' is '0' but must be between"));
  CHECK_THAT(error_with("attempts", "three"), Catch::Contains("must be an integer"));
  CHECK_THAT(error_with("timeout", "0"),
             Catch::Contains("'timeout' is '0' but must be a positive"));
  CHECK_THAT(error_with("timeout", "soon"),
             Catch::Contains("'timeout' is 'soon' but must be a duration"));
  CHECK_THAT(error_with("dampen", "5 parsecs"), Catch::Contains("'dampen'"));
  CHECK_THAT(error_with("multiplier", "9223372036854775807"),
             Catch::Contains("hosts × multiplier fits"));
  CHECK_THAT(error_with("pidfile", "relative/state"), Catch::Contains("an absolute path"));
  CHECK_THAT(error_with("failure_score", "high"), Catch::Contains("must be an integer"));
}

TEST_CASE("what has no meaning without a ping program is reported, not fatal",
          "[net][pingd_config]") {
  Vars vars = base();
  vars["OCF_RESKEY_options"] = "-s 100 -I lo";
  vars["OCF_RESKEY_use_fping"] = "0";
  vars["OCF_RESKEY_debug"] = "loud";
  const PingdConfig config = config_from(vars);
  CHECK(config.probe.source.interface == "lo");
  CHECK(config.debug == DebugLevel::kOff);
  CHECK(config.ignored ==
        std::vector<std::string>{"options '-s 100' (only -I is used)",
                                 "use_fping (no fping: hakit pings in-process)",
                                 "debug=loud (not true, false or verbose; taken as false)"});
}

TEST_CASE("ping's -I option picks an interface or a source address", "[net][pingd_config]") {
  std::vector<std::string> ignored;
  CHECK(parse_ping_options("-I eth1", ignored).interface == "eth1");
  CHECK(parse_ping_options("-Ieth1", ignored).interface == "eth1");
  const auto source = parse_ping_options("-I 10.0.0.5", ignored);
  CHECK(source.interface.empty());
  REQUIRE(source.address);
  CHECK(source.address->text() == "10.0.0.5");
  CHECK(parse_ping_options("-I ::1", ignored).address->family() == AF_INET6);
  CHECK(ignored.empty());
  CHECK(parse_ping_options("", ignored).interface.empty());
}
