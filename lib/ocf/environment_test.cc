#include "ocf/environment.h"

#include <catch2/catch.hpp>

#include "ocf/error.h"

using hakit::exec::Millis;
using hakit::ocf::Environment;
using hakit::ocf::Error;
using hakit::ocf::ExitCode;

TEST_CASE("booleans accept what Pacemaker accepts", "[ocf]") {
  for (const char* yes : {"yes", "YES", "true", "True", "on", "1", "y"}) {
    CHECK(hakit::ocf::parse_bool(yes) == true);
  }
  for (const char* no : {"no", "false", "OFF", "0", "n"}) {
    CHECK(hakit::ocf::parse_bool(no) == false);
  }
  CHECK_FALSE(hakit::ocf::parse_bool("maybe"));
  CHECK_FALSE(hakit::ocf::parse_bool(""));
}

TEST_CASE("durations follow Pacemaker's time specs", "[ocf]") {
  CHECK(hakit::ocf::parse_duration("90") == Millis(90000));
  CHECK(hakit::ocf::parse_duration("90s") == Millis(90000));
  CHECK(hakit::ocf::parse_duration("500ms") == Millis(500));
  CHECK(hakit::ocf::parse_duration("2min") == Millis(120000));
  CHECK(hakit::ocf::parse_duration("1h") == Millis(3600000));
  CHECK_FALSE(hakit::ocf::parse_duration("soon"));
  CHECK_FALSE(hakit::ocf::parse_duration("5 parsecs"));
  CHECK_FALSE(hakit::ocf::parse_duration("1864712049423024126s"));
}

TEST_CASE("environment exposes OCF variables", "[ocf]") {
  const Environment env({{"OCF_RESKEY_device", "/dev/sda1"},
                         {"OCF_RESKEY_CRM_meta_timeout", "20000"},
                         {"OCF_RESKEY_CRM_meta_interval", "10000"},
                         {"OCF_RESKEY_CRM_meta_clone", "1"},
                         {"OCF_RESKEY_CRM_meta_notify_start_uname", "node1 node2"},
                         {"OCF_RESOURCE_INSTANCE", "fs:1"},
                         {"OCF_CHECK_LEVEL", "10"}});
  CHECK(env.reskey("device") == "/dev/sda1");
  CHECK(env.timeout() == Millis(20000));
  CHECK(env.interval() == Millis(10000));
  CHECK_FALSE(env.is_probe());
  CHECK(env.is_clone());
  CHECK(env.clone_instance() == "1");
  CHECK(env.check_level() == 10);
  CHECK(env.resource_instance() == "fs:1");
  CHECK(env.notify_list("start_uname") == std::vector<std::string>{"node1", "node2"});
  CHECK(env.parameter_names() == std::vector<std::string>{"device"});
}

TEST_CASE("defaults when Pacemaker set nothing", "[ocf]") {
  const Environment env(Environment::Variables{});
  CHECK(env.resource_instance() == "default");
  CHECK(env.is_probe());
  CHECK_FALSE(env.is_clone());
  CHECK(env.check_level() == 0);
  CHECK_FALSE(env.timeout());
}

TEST_CASE("OCF_RESKEY_OCF_CHECK_LEVEL is honoured and a bad level is a configuration error",
          "[ocf]") {
  CHECK(Environment(Environment::Variables{{"OCF_RESKEY_OCF_CHECK_LEVEL", "20"}}).check_level() ==
        20);
  try {
    Environment(Environment::Variables{{"OCF_CHECK_LEVEL", "deep"}}).check_level();
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.code() == ExitCode::kErrConfigured);
    CHECK(std::string(error.what()).find("OCF_CHECK_LEVEL") != std::string::npos);
  }
}
