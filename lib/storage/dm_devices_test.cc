#include "storage/dm_devices.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "storage/file_tree_for_tests.h"
#include "util/captures_for_tests.h"

using hakit::storage::active_lvm_devices;
using hakit::storage::lvm_dm_name;
using hakit::storage::read_dm_devices;
using hakit::storage::split_lvm_dm_name;
using hakit::storage::testing::FileTree;

TEST_CASE("LVM device-mapper names split on single dashes", "[storage][dm_devices]") {
  const auto plain = split_lvm_dm_name("vg0-data");
  REQUIRE(plain);
  CHECK(plain->vg == "vg0");
  CHECK(plain->lv == "data");
  CHECK(plain->layer.empty());
  const auto dashed = split_lvm_dm_name("my--vg-my--lv-tpool");
  REQUIRE(dashed);
  CHECK(dashed->vg == "my-vg");
  CHECK(dashed->lv == "my-lv");
  CHECK(dashed->layer == "tpool");
  CHECK_FALSE(split_lvm_dm_name("cryptroot"));
  CHECK_FALSE(split_lvm_dm_name("a-b-c-d"));
  CHECK(lvm_dm_name("my-vg", "my-lv") == "my--vg-my--lv");
  CHECK(split_lvm_dm_name(lvm_dm_name("a--b", "c-d"))->vg == "a--b");
  CHECK(split_lvm_dm_name(lvm_dm_name("a--b", "c-d"))->lv == "c-d");
}

TEST_CASE("active LVs are the LVM devices of sysfs' dm table", "[storage][dm_devices]") {
  FileTree sys;
  const auto device = [&](const std::string& kernel, const std::string& name,
                          const std::string& uuid) {
    sys.file(kernel + "/dm/name", name + "\n");
    sys.file(kernel + "/dm/uuid", uuid + "\n");
    sys.file(kernel + "/dm/suspended", "0\n");
  };
  device("dm-0", "vg0-data", "LVM-aaaa");
  device("dm-1", "vg0-my--lv", "LVM-bbbb");
  device("dm-2", "vg0-other", "CRYPT-LUKS2-xyz");  // not LVM's, whatever its name says
  device("dm-3", "vg1-data", "LVM-cccc");
  sys.file("loop0/size", "0\n");
  const auto devices = read_dm_devices(sys.root());
  CHECK(devices.size() == 4);
  CHECK(active_lvm_devices(devices, "vg0").size() == 2);
  CHECK(active_lvm_devices(devices, "vg0", "my-lv").size() == 1);
  CHECK(active_lvm_devices(devices, "vg0", "other").empty());
  CHECK(active_lvm_devices(devices, "vg2").empty());
  CHECK(read_dm_devices(sys.path("missing")).empty());
}

TEST_CASE("the guest's real dm sysfs entries of two active LVs", "[storage][dm_devices]") {
  // tests/captures/lvm/guest-sys-block-dm.txt: "dm-N name uuid suspended" per device, as
  // the guest's /sys/block/dm-N/dm/ showed them after LVM-activate's start.
  FileTree sys;
  std::istringstream lines(hakit::testing::capture("lvm/guest-sys-block-dm.txt"));
  std::string kernel, name, uuid, suspended;
  while (lines >> kernel >> name >> uuid >> suspended) {
    sys.file(kernel + "/dm/name", name + "\n");
    sys.file(kernel + "/dm/uuid", uuid + "\n");
    sys.file(kernel + "/dm/suspended", suspended + "\n");
  }
  const auto devices = read_dm_devices(sys.root());
  REQUIRE(devices.size() == 2);
  CHECK(active_lvm_devices(devices, "vgha").size() == 2);
  const auto logs = active_lvm_devices(devices, "vgha", "my-logs");
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].name == lvm_dm_name("vgha", "my-logs"));
  CHECK_FALSE(logs[0].suspended);
  CHECK(active_lvm_devices(devices, "vgha", "data").size() == 1);
}
