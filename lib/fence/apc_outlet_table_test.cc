#include "fence/apc_outlet_table.h"

#include <catch2/catch.hpp>

#include "fence/error.h"

using namespace hakit::fence;

TEST_CASE("the outlet table follows the sysObjectID, as fence_apc_snmp chooses it",
          "[fence][rackpdu]") {
  CHECK(apc::table_for(snmp::parse_oid(".1.3.6.1.4.1.318.1.3.4.5", "id")).name == "rPDU");
  CHECK(apc::table_for(snmp::parse_oid(".1.3.6.1.4.1.318.1.3.4.6", "id")).name ==
        "MasterSwitch v6");
  CHECK(apc::table_for(snmp::parse_oid(".1.3.6.1.4.1.318.1.3.4.2", "id")).name == "MasterSwitch");
  CHECK(apc::table_for({}).name == "MasterSwitch");
}

TEST_CASE("rPDU reads states from its status table and writes its control table",
          "[fence][rackpdu]") {
  const apc::OutletTable& rpdu = apc::table_for(snmp::parse_oid(".1.3.6.1.4.1.318.1.3.4.5", "id"));
  CHECK(snmp::to_string(rpdu.names) == ".1.3.6.1.4.1.318.1.1.12.3.5.1.1.2");
  CHECK(snmp::to_string(rpdu.states) == ".1.3.6.1.4.1.318.1.1.12.3.5.1.1.4");
  CHECK(snmp::to_string(rpdu.commands) == ".1.3.6.1.4.1.318.1.1.12.3.3.1.1.4");
  const apc::OutletTable spdu = *apc::table_named("spdu");
  CHECK(spdu.states == spdu.commands);
  CHECK(snmp::to_string(spdu.names) == ".1.3.6.1.4.1.318.1.1.4.4.2.1.4");
}

TEST_CASE("outlet_table: auto, rpdu or spdu", "[fence][rackpdu]") {
  CHECK_FALSE(apc::table_named("auto"));
  CHECK_FALSE(apc::table_named(""));
  CHECK(apc::table_named("RPDU")->name == "rPDU");
  CHECK_THROWS_AS(apc::table_named("rpdu2"), Error);
}

TEST_CASE("only 1 and 2 are states, rebooting, unknown or delayed are not", "[fence][rackpdu]") {
  CHECK(apc::decode_state(1) == PowerState::kOn);
  CHECK(apc::decode_state(2) == PowerState::kOff);
  for (const long long value : {0LL, 3LL, 4LL, 5LL, 6LL, 7LL, -1LL}) {
    INFO(value);
    CHECK_FALSE(apc::decode_state(value));
  }
}
