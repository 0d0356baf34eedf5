#include "storage/lvm_tools.h"

#include <catch2/catch.hpp>

#include "storage/lvm_setup_check.h"
#include "util/captures_for_tests.h"

using hakit::storage::parse_config_value;
using hakit::storage::parse_system_id;
using hakit::storage::volume_list_bypasses_tag;
using hakit::testing::capture;

TEST_CASE("lvm systemid output gives the node's system ID", "[storage][lvm_tools]") {
  CHECK(parse_system_id(capture("lvm/host-lvm-systemid-none.txt")).empty());
  CHECK(parse_system_id(capture("lvm/guest-lvm-systemid.txt")) == "guest1");
  CHECK(parse_system_id("").empty());
}

TEST_CASE("lvmconfig output gives the setting's value", "[storage][lvm_tools]") {
  CHECK(parse_config_value("use_lvmlockd=1\n") == "1");
  CHECK(parse_config_value(capture("lvm/guest-lvmconfig-system_id_source.txt")) == "uname");
  CHECK(parse_config_value("volume_list=[\"vg_root\",\"@other\"]\n") == "[\"vg_root\",\"@other\"]");
}

TEST_CASE("a volume_list naming the VG or the tag defeats tagging", "[storage][lvm_tools]") {
  CHECK_FALSE(volume_list_bypasses_tag("[\"vg_root\"]", "vg0", "pacemaker"));
  CHECK(volume_list_bypasses_tag("[\"vg_root\",\"vg0\"]", "vg0", "pacemaker"));
  CHECK(volume_list_bypasses_tag("[\"@pacemaker\"]", "vg0", "pacemaker"));
  CHECK_FALSE(volume_list_bypasses_tag("[\"vg00\",\"@pacemaker2\"]", "vg0", "pacemaker"));
  // lvmconfig's form of a one-element list, as read by the agent.
  const std::string single = parse_config_value(capture("lvm/guest-lvmconfig-volume_list.txt"));
  CHECK(single == "@guest-root-only");
  CHECK_FALSE(volume_list_bypasses_tag(single, "vgha", "pacemaker"));
  CHECK(volume_list_bypasses_tag(single, "vgha", "guest-root-only"));
  CHECK(volume_list_bypasses_tag("vgha", "vgha", "pacemaker"));
}
