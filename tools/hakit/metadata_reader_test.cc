#include "hakit/metadata_reader.h"

#include <catch2/catch.hpp>

#include "hakit/error.h"

using namespace hakit::cli;
using std::chrono::milliseconds;

namespace {

constexpr const char* kSample = R"(<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="Sample" version="2.0">
<version>1.1</version>
<longdesc lang="en">A sample agent.</longdesc>
<shortdesc lang="en">  Manages samples  </shortdesc>
<parameters>
<parameter name="device" required="1" unique="0">
<longdesc lang="en">The device.</longdesc><shortdesc lang="en">device</shortdesc>
<content type="string"/>
</parameter>
<parameter name="fast" reloadable="1">
<longdesc lang="en">Go fast.</longdesc><shortdesc lang="en">fast</shortdesc>
<content type="boolean" default="false"/>
</parameter>
</parameters>
<actions>
<action name="start" timeout="60s"/>
<action name="monitor" timeout="40s" interval="20s" depth="0"/>
<action name="monitor" timeout="2min" interval="120s" depth="10"/>
<action name="reload-agent" timeout="500ms"/>
<action name="meta-data" timeout="5"/>
</actions>
</resource-agent>
)";

}  // namespace

TEST_CASE("read_metadata reads the description, parameters and actions", "[metadata]") {
  const Metadata metadata = read_metadata(kSample);
  CHECK(metadata.name == "Sample");
  CHECK(metadata.ocf_version == "1.1");
  CHECK(metadata.shortdesc == "Manages samples");

  REQUIRE(metadata.parameters.size() == 2);
  CHECK(metadata.parameters[0].name == "device");
  CHECK(metadata.parameters[0].required);
  CHECK(metadata.parameters[0].type == "string");
  CHECK_FALSE(metadata.parameters[0].default_value);
  CHECK_FALSE(metadata.parameters[1].required);
  CHECK(metadata.parameters[1].default_value == "false");
  CHECK(metadata.required_parameters() == std::vector<std::string>{"device"});

  REQUIRE(metadata.actions.size() == 5);
  CHECK(metadata.action("start")->timeout == milliseconds(60000));
  CHECK(metadata.action("reload-agent")->timeout == milliseconds(500));
  CHECK(metadata.action("meta-data")->timeout == milliseconds(5000));
  CHECK(metadata.advertises("reload-agent"));
  CHECK_FALSE(metadata.advertises("promote"));
  CHECK(metadata.action("promote") == nullptr);
}

TEST_CASE("monitors are told apart by depth", "[metadata]") {
  const Metadata metadata = read_metadata(kSample);
  CHECK(metadata.monitor_depths() == std::set<int>{0, 10});
  CHECK(metadata.action("monitor", 10)->timeout == milliseconds(120000));
  CHECK(metadata.action("monitor", 10)->interval == milliseconds(120000));
  CHECK(metadata.action("monitor", 0)->interval == milliseconds(20000));
  // A depth nobody advertises falls back to the first monitor.
  CHECK(metadata.action("monitor", 20)->timeout == milliseconds(40000));
}

TEST_CASE("read_metadata rejects what is not resource-agent XML", "[metadata]") {
  CHECK_THROWS_AS(read_metadata(""), Error);
  CHECK_THROWS_AS(read_metadata("usage: agent {start|stop}"), Error);
  CHECK_THROWS_AS(read_metadata("<resource-agent name='x'>"), Error);
  CHECK_THROWS_WITH(read_metadata("<fence-agent/>"), Catch::Contains("<fence-agent>"));
}

TEST_CASE("an action with an unreadable timeout has none", "[metadata]") {
  const Metadata metadata = read_metadata(
      "<resource-agent name='x'><actions><action name='stop' timeout='soon'/></actions>"
      "</resource-agent>");
  REQUIRE(metadata.action("stop") != nullptr);
  CHECK_FALSE(metadata.action("stop")->timeout);
}
