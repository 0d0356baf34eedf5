// The targetcli driver against what targetcli-fb 2.1.53 really printed in a Debian 12
// guest kernel with LIO (captured once by hand: this host has no configfs), and the
// commands it generates: the ones that produced that output.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "iscsi/environment_for_tests.h"
#include "iscsi/lio_configfs.h"
#include "iscsi/lio_logical_unit.h"
#include "iscsi/lio_target.h"
#include "iscsi/targetcli.h"
#include "metadata/iSCSILogicalUnit.h"
#include "metadata/iSCSITarget.h"
#include "ocf/environment.h"
#include "ocf/parameters.h"
#include "util/strings.h"

using namespace hakit::iscsi;
namespace fs = std::filesystem;

namespace {

// A session that created a fileio and a block backstore and linked them as LUNs 2 and 1
// (in that order), then listed the LUNs and the backstores.
constexpr const char* kCreatedTwoLuns = R"(targetcli shell version 2.1.53
Copyright 2011-2013 by Datera, Inc and others.
For help on commands, type 'help'.

/> Parameter auto_save_on_exit is now 'false'.
/> Created fileio lu1 with size 67108864
/> Created block storage object lu2 using /dev/vda.
/> Created LUN 2.
/> Created LUN 1.
/> o- luns .................................................................................................................. [LUNs: 2]
  o- lun1 ........................................................................... [fileio/lu1 (/tmp/lu1.img) (default_tg_pt_gp)]
  o- lun2 ................................................................................ [block/lu2 (/dev/vda) (default_tg_pt_gp)]
/> o- backstores ................................................................................................................ [...]
  o- block .................................................................................................... [Storage Objects: 1]
  | o- lu2 ............................................................................... [/dev/vda (64.0MiB) write-thru activated]
  |   o- alua ..................................................................................................... [ALUA Groups: 1]
  |     o- default_tg_pt_gp ......................................................................... [ALUA state: Active/optimized]
  o- fileio ................................................................................................... [Storage Objects: 1]
  | o- lu1 ........................................................................... [/tmp/lu1.img (64.0MiB) write-back activated]
  |   o- alua ..................................................................................................... [ALUA Groups: 1]
  |     o- default_tg_pt_gp ......................................................................... [ALUA state: Active/optimized]
  o- pscsi .................................................................................................... [Storage Objects: 0]
  o- ramdisk .................................................................................................. [Storage Objects: 0]
/> exit
)";

// A session that unlinked LUN 1 and deleted its backstore, listed the LUNs, then removed
// the rest.
constexpr const char* kStopped = R"(targetcli shell version 2.1.53
Copyright 2011-2013 by Datera, Inc and others.
For help on commands, type 'help'.

/> Parameter auto_save_on_exit is now 'false'.
/> Deleted LUN 1.
/> Deleted storage object lu1.
/> o- luns .................................................................................................................. [LUNs: 1]
  o- lun2 ................................................................................ [block/lu2 (/dev/vda) (default_tg_pt_gp)]
/> Deleted LUN 2.
/> Deleted storage object lu2.
/> Deleted Target iqn.2024-01.lab.example:lio1.
/> o- / ......................................................................................................................... [...]
  o- backstores .............................................................................................................. [...]
  | o- block .................................................................................................. [Storage Objects: 0]
  | o- fileio ................................................................................................. [Storage Objects: 0]
  | o- pscsi .................................................................................................. [Storage Objects: 0]
  | o- ramdisk ................................................................................................ [Storage Objects: 0]
  o- iscsi ............................................................................................................ [Targets: 0]
  o- loopback ......................................................................................................... [Targets: 0]
  o- vhost ............................................................................................................ [Targets: 0]
  o- xen-pvscsi ....................................................................................................... [Targets: 0]
/> exit
)";

// Standard error of a session of eight failing commands (a duplicate backstore, a fileio
// without a file, a LUN on a missing target, a LUN taken twice, a bad LUN name, a duplicate
// target, a bad IQN, a missing block device).
constexpr const char* kErrors = R"(storage object for /tmp/lu1.img already exists: lu1
Attempting to create file for new fileio backstore, need a size
No such path /iscsi/iqn.2024-01.lab.example:nothere
lun for storage object fileio/lu1 already exists
Invalid LUN
This Target already exists in configFS
WWN not valid as: iqn, naa, eui
Could not open /dev/nonexistent
)";

// Standard output of the session that created a target with CHAP: targetcli echoes the
// password.
constexpr const char* kCreatedTarget = R"(targetcli shell version 2.1.53
Copyright 2011-2013 by Datera, Inc and others.
For help on commands, type 'help'.

/> Parameter auto_save_on_exit is now 'false'.
Parameter auto_add_default_portal is now 'false'.
Parameter auto_add_mapped_luns is now 'false'.
/> Created target iqn.2024-01.lab.example:lio1.
Created TPG 1.
/> Using default IP port 3260
Created network portal 127.0.0.1:3260.
/> Parameter authentication is now '0'.
Parameter demo_mode_write_protect is now '0'.
Parameter generate_node_acls is now '1'.
Parameter cache_dynamic_acls is now '1'.
/> Parameter userid is now 'chapuser'.
Parameter password is now 'chapsecret'.
/> The TPGT is already enabled.
/> o- iqn.2024-01.lab.example:lio1 .......................................................................................... [TPGs: 1]
  o- tpg1 ...................................................................................................... [gen-acls, no-auth]
    o- acls .............................................................................................................. [ACLs: 0]
    o- luns .............................................................................................................. [LUNs: 0]
    o- portals ........................................................................................................ [Portals: 1]
      o- 127.0.0.1:3260 ....................................................................................................... [OK]
/> exit
)";

/// An empty configfs: nothing configured yet.
struct EmptyConfigfs {
  EmptyConfigfs() {
    char pattern[] = "/tmp/hakit-lio-XXXXXX";
    dir = ::mkdtemp(pattern);
    fs::create_directories(dir + "/target/core");
  }
  ~EmptyConfigfs() { fs::remove_all(dir); }
  LioConfigfs configfs() const { return LioConfigfs(dir + "/target"); }
  std::string dir;
};

}  // namespace

TEST_CASE("targetcli: the LUN listing gives each LUN's number, backstore and path",
          "[iscsi][lio]") {
  const auto luns = parse_targetcli_luns(kCreatedTwoLuns);
  REQUIRE(luns.size() == 2);
  CHECK(luns[0].lun == 1);
  CHECK(luns[0].backstore_type == "fileio");
  CHECK(luns[0].backstore_name == "lu1");
  CHECK(luns[0].path == "/tmp/lu1.img");
  CHECK(luns[1].lun == 2);
  CHECK(luns[1].backstore_type == "block");
  CHECK(luns[1].backstore_name == "lu2");
  CHECK(luns[1].path == "/dev/vda");
  // The backstore listing in the same output is no LUN.
  const auto left = parse_targetcli_luns(kStopped);
  REQUIRE(left.size() == 1);
  CHECK(left[0].lun == 2);
  CHECK(parse_targetcli_luns("").empty());
  // A LUN node with no space after its number (found by the targetcli fuzzer).
  CHECK(parse_targetcli_luns("[o- lun12]").empty());
  CHECK(parse_targetcli_luns("  o- lun1[fileio/lu1 (/tmp/lu1.img)]").empty());
  // Details not shaped "type/name (path)" are no LUN (the path's slash is not the type's).
  CHECK(parse_targetcli_luns("  o- lun1 ... [fileio (/tmp/lu1.img)]").empty());
  CHECK(parse_targetcli_luns("  o- lun1 ... [fileio/lu1 (/tmp/lu1.img]").empty());
}

TEST_CASE("targetcli: each failed command is one line on standard error", "[iscsi][lio]") {
  const auto errors = targetcli_errors(kErrors);
  REQUIRE(errors.size() == 8);
  CHECK(errors[0] == "storage object for /tmp/lu1.img already exists: lu1");
  CHECK(errors[2] == "No such path /iscsi/iqn.2024-01.lab.example:nothere");
  CHECK(errors[6] == "WWN not valid as: iqn, naa, eui");
  CHECK(targetcli_errors("\n  \n").empty());
}

TEST_CASE("targetcli: the echoed CHAP password is blanked out", "[iscsi][lio]") {
  const std::string text = hakit::mask_secrets(kCreatedTarget, {"chapsecret"});
  CHECK(std::string(kCreatedTarget).find("chapsecret") != std::string::npos);
  CHECK(text.find("chapsecret") == std::string::npos);
  CHECK(text.find("Parameter password is now '***'.") != std::string::npos);
}

TEST_CASE("lio-t: target commands, open to all with CHAP, and with an ACL", "[iscsi][lio]") {
  const EmptyConfigfs empty;
  auto env = environment_for_tests({{"implementation", "lio-t"},
                                    {"iqn", "iqn.2024-01.lab.example:lio1"},
                                    {"portals", "127.0.0.1:3260"},
                                    {"incoming_username", "chapuser"},
                                    {"incoming_password", "chapsecret"}});
  const hakit::ocf::Parameters params(hakit::metadata::iSCSITarget, env);
  const TargetConfig config = read_target_config(params);
  CHECK(lio_target_commands(config, empty.configfs()) ==
        std::vector<std::string>{
            "set global auto_add_default_portal=false",
            "/iscsi create iqn.2024-01.lab.example:lio1",
            "/iscsi/iqn.2024-01.lab.example:lio1/tpg1/portals create 127.0.0.1 3260",
            "/iscsi/iqn.2024-01.lab.example:lio1/tpg1 set attribute authentication=1 "
            "demo_mode_write_protect=0 generate_node_acls=1 cache_dynamic_acls=1",
            "/iscsi/iqn.2024-01.lab.example:lio1/tpg1 set auth userid=chapuser password=chapsecret",
            "/iscsi/iqn.2024-01.lab.example:lio1/tpg1 enable"});

  TargetConfig acl = config;
  acl.incoming_username.clear();
  acl.allowed_initiators = {"iqn.1994-05.com.redhat:client1"};
  acl.portals = {{"0.0.0.0", 3260}, {"::", 3261}};
  const auto commands = lio_target_commands(acl, empty.configfs());
  CHECK(commands[2] == "/iscsi/iqn.2024-01.lab.example:lio1/tpg1/portals create 0.0.0.0 3260");
  CHECK(commands[3] == "/iscsi/iqn.2024-01.lab.example:lio1/tpg1/portals create :: 3261");
  CHECK(commands[4] ==
        "/iscsi/iqn.2024-01.lab.example:lio1/tpg1 set attribute authentication=0 "
        "generate_node_acls=0");
  CHECK(commands[5] ==
        "/iscsi/iqn.2024-01.lab.example:lio1/tpg1/acls create iqn.1994-05.com.redhat:client1");
  CHECK(lio_portal_name({"::", 3261}) == "[::]:3261");
}

TEST_CASE("lio-t: LUN commands for a file, with the LUN number given", "[iscsi][lio]") {
  const EmptyConfigfs empty;
  const std::string image = empty.dir + "/lu1.img";
  std::ofstream(image) << "x";
  auto env = environment_for_tests({{"implementation", "lio-t"},
                                    {"target_iqn", "iqn.2024-01.lab.example:lio1"},
                                    {"lun", "1"},
                                    {"path", image},
                                    {"scsi_sn", "b3a49b7f"},
                                    {"emulate_tpu", "1"},
                                    {"allowed_initiators", "iqn.1994-05.com.redhat:client1"}});
  const hakit::ocf::Parameters params(hakit::metadata::iSCSILogicalUnit, env);
  const LogicalUnitConfig config = read_logical_unit_config(params, env);
  CHECK(config.lio_backstore == LioBackstore::kFileio);  // a regular file, liot_bstype unset
  CHECK(lio_logical_unit_commands(config, empty.configfs(), false) ==
        std::vector<std::string>{
            "/backstores/fileio create name=lu1 file_or_dev=" + image + " wwn=b3a49b7f",
            "/backstores/fileio/lu1 set attribute emulate_tpu=1",
            "/iscsi/iqn.2024-01.lab.example:lio1/tpg1/luns create /backstores/fileio/lu1 1",
            "/iscsi/iqn.2024-01.lab.example:lio1/tpg1/acls create "
            "iqn.1994-05.com.redhat:client1 add_mapped_luns=false",
            "/iscsi/iqn.2024-01.lab.example:lio1/tpg1/acls/iqn.1994-05.com.redhat:client1 create "
            "mapped_lun=1 tpg_lun_or_backstore=1",
            "ls /iscsi/iqn.2024-01.lab.example:lio1/tpg1/luns"});
}

TEST_CASE("lio-t: configfs as the kernel laid it out", "[iscsi][lio]") {
  // The layout of the captured guest's configfs (a mock tree: this host has no configfs).
  const EmptyConfigfs tree;
  const std::string root = tree.dir + "/target";
  const std::string tpg = root + "/iscsi/iqn.2024-01.lab.example:lio1/tpgt_1";
  fs::create_directories(root + "/core/fileio_0/lu1");
  fs::create_directories(root + "/core/iblock_1/lu2");
  std::ofstream(root + "/core/fileio_0/lu1/udev_path") << "/tmp/lu1.img\n";
  std::ofstream(root + "/core/iblock_1/lu2/udev_path") << "/dev/vda\n";
  fs::create_directories(tpg + "/lun/lun_1");
  fs::create_directories(tpg + "/lun/lun_2");
  fs::create_directories(tpg + "/np/127.0.0.1:3260");
  std::ofstream(tpg + "/enable") << "1\n";
  fs::create_directory_symlink("../../../../../../target/core/fileio_0/lu1",
                               tpg + "/lun/lun_1/8d6e3790c2");
  fs::create_directory_symlink("../../../../../../target/core/iblock_1/lu2",
                               tpg + "/lun/lun_2/bdf5b5c5db");
  const LioConfigfs configfs(root);
  CHECK(configfs.target_enabled("iqn.2024-01.lab.example:lio1"));
  CHECK(configfs.target_enabled("IQN.2024-01.lab.example:LIO1"));
  CHECK_FALSE(configfs.target_enabled("iqn.2024-01.lab.example:other"));
  CHECK(configfs.has_portal("iqn.2024-01.lab.example:lio1", "127.0.0.1:3260"));
  CHECK_FALSE(configfs.has_portal("iqn.2024-01.lab.example:lio1", "0.0.0.0:3260"));
  const auto first = configfs.lun("iqn.2024-01.lab.example:lio1", 1);
  REQUIRE(first);
  CHECK(first->storage_object == "core/fileio_0/lu1");
  CHECK(first->path == "/tmp/lu1.img");
  const auto second = configfs.lun("iqn.2024-01.lab.example:lio1", 2);
  REQUIRE(second);
  CHECK(second->storage_object == "core/iblock_1/lu2");
  CHECK(second->path == "/dev/vda");
  CHECK_FALSE(configfs.lun("iqn.2024-01.lab.example:lio1", 3));
  CHECK(configfs.storage_object("lu2") == "core/iblock_1/lu2");
  CHECK_FALSE(configfs.storage_object("lu3"));
}
