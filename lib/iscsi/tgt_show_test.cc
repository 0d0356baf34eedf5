// The parser against what tgtd 1.0.85 (Debian 12) really printed, captured in the lab:
// a target with a logged-in initiator (iscsi-perf), two LUNs with their SCSI identity,
// a CHAP account and two ACL entries; then two targets.
#include "iscsi/tgt_show.h"

#include <catch2/catch.hpp>

using namespace hakit::iscsi;

namespace {

// `tgtadm --lld iscsi --mode target --op show` while iscsi-perf was logged in to target 1.
constexpr const char* kConnected = R"(Target 1: iqn.2024-01.lab.example:disk1
    System information:
        Driver: iscsi
        State: ready
    I_T nexus information:
        I_T nexus: 1
            Initiator: iqn.2010-11.libiscsi:iscsi-perf alias: none
            Connection: 0
                IP Address: 127.0.0.1
    LUN information:
        LUN: 0
            Type: controller
            SCSI ID: IET     00010000
            SCSI SN: beaf10
            Size: 0 MB, Block size: 1
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: null
            Backing store path: None
            Backing store flags: 
        LUN: 1
            Type: disk
            SCSI ID: lu1
            SCSI SN: b3a49b7f
            Size: 67 MB, Block size: 512
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: rdwr
            Backing store path: /tmp/tgtcap/lun1.img
            Backing store flags: 
        LUN: 2
            Type: disk
            SCSI ID: IET     00010002
            SCSI SN: beaf12
            Size: 34 MB, Block size: 512
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: rdwr
            Backing store path: /tmp/tgtcap/lun2.img
            Backing store flags: direct
    Account information:
        chapuser
    ACL information:
        ALL
        iqn.1994-05.com.redhat:client1
)";

// Target 1 after the initiator left, and target 7 with one LUN.
constexpr const char* kTwoTargets = R"(Target 1: iqn.2024-01.lab.example:disk1
    System information:
        Driver: iscsi
        State: ready
    I_T nexus information:
    LUN information:
        LUN: 0
            Type: controller
            SCSI ID: IET     00010000
            SCSI SN: beaf10
            Size: 0 MB, Block size: 1
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: null
            Backing store path: None
            Backing store flags: 
        LUN: 1
            Type: disk
            SCSI ID: lu1
            SCSI SN: b3a49b7f
            Size: 67 MB, Block size: 512
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: rdwr
            Backing store path: /tmp/tgtcap/lun1.img
            Backing store flags: 
        LUN: 2
            Type: disk
            SCSI ID: IET     00010002
            SCSI SN: beaf12
            Size: 34 MB, Block size: 512
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: rdwr
            Backing store path: /tmp/tgtcap/lun2.img
            Backing store flags: direct
    Account information:
        chapuser
    ACL information:
        ALL
        iqn.1994-05.com.redhat:client1
Target 7: iqn.2024-01.lab.example:disk7
    System information:
        Driver: iscsi
        State: ready
    I_T nexus information:
    LUN information:
        LUN: 0
            Type: controller
            SCSI ID: IET     00070000
            SCSI SN: beaf70
            Size: 0 MB, Block size: 1
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: null
            Backing store path: None
            Backing store flags: 
        LUN: 1
            Type: disk
            SCSI ID: IET     00070001
            SCSI SN: beaf71
            Size: 34 MB, Block size: 512
            Online: Yes
            Removable media: No
            Prevent removal: No
            Readonly: No
            SWP: No
            Thin-provisioning: No
            Backing store type: rdwr
            Backing store path: /tmp/tgtcap/lun2.img
            Backing store flags: 
    Account information:
    ACL information:
)";

}  // namespace

TEST_CASE("tgtadm show: target, session, LUNs, account and ACL", "[iscsi][tgt]") {
  const auto targets = parse_tgt_show(kConnected);
  REQUIRE(targets.size() == 1);
  const TgtTarget& target = targets[0];
  CHECK(target.tid == 1);
  CHECK(target.name == "iqn.2024-01.lab.example:disk1");
  CHECK(target.state == "ready");
  REQUIRE(target.connections.size() == 1);
  CHECK(target.connections[0].session == 1);
  CHECK(target.connections[0].connection == 0);
  CHECK(target.connections[0].initiator == "iqn.2010-11.libiscsi:iscsi-perf");
  CHECK(target.connections[0].address == "127.0.0.1");
  REQUIRE(target.logical_units.size() == 3);
  CHECK(target.logical_units[0].type == "controller");
  CHECK(target.logical_units[0].backing_store_path == "None");
  const TgtLogicalUnit* first = target.logical_unit(1);
  REQUIRE(first != nullptr);
  CHECK(first->type == "disk");
  CHECK(first->scsi_id == "lu1");
  CHECK(first->scsi_sn == "b3a49b7f");
  CHECK(first->size_mb == 67);
  CHECK(first->backing_store_path == "/tmp/tgtcap/lun1.img");
  CHECK(first->backing_store_type == "rdwr");
  const TgtLogicalUnit* second = target.logical_unit(2);
  REQUIRE(second != nullptr);
  CHECK(second->backing_store_path == "/tmp/tgtcap/lun2.img");
  CHECK(second->scsi_id == "IET     00010002");
  CHECK(target.logical_unit(3) == nullptr);
  CHECK(target.accounts == std::vector<std::string>{"chapuser"});
  CHECK(target.acl == std::vector<std::string>{"ALL", "iqn.1994-05.com.redhat:client1"});
}

TEST_CASE("tgtadm show: several targets, found by name and by tid", "[iscsi][tgt]") {
  const auto targets = parse_tgt_show(kTwoTargets);
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].connections.empty());
  const TgtTarget* seventh = find_tgt_target(targets, "IQN.2024-01.lab.example:DISK7");
  REQUIRE(seventh != nullptr);
  CHECK(seventh->tid == 7);
  REQUIRE(seventh->logical_unit(1) != nullptr);
  CHECK(seventh->logical_unit(1)->backing_store_path == "/tmp/tgtcap/lun2.img");
  CHECK(seventh->acl.empty());  // created without a bind: every login would fail
  CHECK(find_tgt_target(targets, 1) == &targets[0]);
  CHECK(find_tgt_target(targets, 2) == nullptr);
  CHECK(find_tgt_target(targets, "iqn.2024-01.lab.example:disk") == nullptr);
}

TEST_CASE("tgtadm show: nothing, noise and older spellings", "[iscsi][tgt]") {
  CHECK(parse_tgt_show("").empty());
  // Lines before the first target, unknown sections and keys are skipped; tgt before
  // 1.0.6 printed "Backing store:" rather than "Backing store path:".
  const auto targets = parse_tgt_show(
      "garbage\n"
      "Target 12: iqn.2024-01.lab.example:old:with:colons\n"
      "    Portal information:\n"
      "        127.0.0.1:3260\n"
      "    LUN information:\n"
      "        LUN: 1\n"
      "            Type: disk\n"
      "            Backing store: /dev/drbd0\n"
      "            Something new: 1\n"
      "Target x: not a target\n");
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].tid == 12);
  CHECK(targets[0].name == "iqn.2024-01.lab.example:old:with:colons");
  REQUIRE(targets[0].logical_unit(1) != nullptr);
  CHECK(targets[0].logical_unit(1)->backing_store_path == "/dev/drbd0");
  CHECK(targets[0].acl.empty());
}
