// IET's /proc files and ietadm commands. The daemon and its kernel module are not in
// Debian 12, so the /proc text follows the module's seq_printf formats (iscsi_trgt
// volume.c and session.c), not a capture.
#include "iscsi/iet.h"

#include <catch2/catch.hpp>

#include "iscsi/environment_for_tests.h"
#include "iscsi/iet_proc.h"
#include "metadata/iSCSILogicalUnit.h"
#include "metadata/iSCSITarget.h"
#include "ocf/environment.h"
#include "ocf/parameters.h"

using namespace hakit::iscsi;

namespace {

constexpr const char* kVolume =
    "tid:2 name:iqn.2024-01.com.example:second\n"
    "tid:1 name:iqn.2024-01.com.example:disk1\n"
    "\tlun:0 state:0 iotype:fileio iomode:wt blocks:131072 blocksize:512 path:/srv/disk 1.img\n"
    "\tlun:1 state:0 iotype:blockio iomode:ro blocks:2097152 blocksize:512 path:/dev/drbd0\n";

constexpr const char* kSession =
    "tid:2 name:iqn.2024-01.com.example:second\n"
    "tid:1 name:iqn.2024-01.com.example:disk1\n"
    "\tsid:562950490292736 initiator:iqn.1993-08.org.debian:01:abc\n"
    "\t\tcid:0 ip:192.0.2.10 state:active hd:none dd:none\n"
    "\t\tcid:1 ip:192.0.2.11 state:active hd:none dd:none\n";

}  // namespace

TEST_CASE("IET: volumes and sessions from /proc/net/iet", "[iscsi][iet]") {
  const auto volumes = parse_iet_proc(kVolume);
  REQUIRE(volumes.size() == 2);
  const IetTarget* disk = find_iet_target(volumes, "IQN.2024-01.com.example:disk1");
  REQUIRE(disk != nullptr);
  CHECK(disk->tid == 1);
  REQUIRE(disk->luns.size() == 2);
  CHECK(disk->luns[0].path == "/srv/disk 1.img");
  CHECK(disk->luns[1].lun == 1);
  CHECK(disk->luns[1].iotype == "blockio");
  CHECK(disk->luns[1].path == "/dev/drbd0");
  CHECK(volumes[0].luns.empty());
  const auto sessions = parse_iet_proc(kSession);
  const IetTarget* connected = find_iet_target(sessions, "iqn.2024-01.com.example:disk1");
  REQUIRE(connected != nullptr);
  REQUIRE(connected->connections.size() == 2);
  CHECK(connected->connections[1].session == "562950490292736");
  CHECK(connected->connections[1].connection == "1");
  CHECK(parse_iet_proc("").empty());
}

TEST_CASE("IET: ietadm commands for a target and a LUN", "[iscsi][iet]") {
  auto env = environment_for_tests({{"implementation", "iet"},
                                    {"iqn", "iqn.2024-01.com.example:disk1"},
                                    {"incoming_username", "user"},
                                    {"incoming_password", "secret"},
                                    {"additional_parameters", "MaxConnections=1"}});
  const hakit::ocf::Parameters params(hakit::metadata::iSCSITarget, env);
  const TargetConfig target = read_target_config(params);
  CHECK(iet_target_commands(target, 3) ==
        std::vector<std::vector<std::string>>{
            {"--op", "new", "--tid=3", "--params", "Name=iqn.2024-01.com.example:disk1"},
            {"--op", "update", "--tid=3", "--params", "MaxConnections=1"},
            {"--op", "new", "--tid=3", "--user", "--params=IncomingUser=user,Password=secret"}});

  auto lu_env = environment_for_tests({{"implementation", "iet"},
                                       {"target_iqn", "iqn.2024-01.com.example:disk1"},
                                       {"lun", "0"},
                                       {"path", "/dev/drbd0"}});
  const hakit::ocf::Parameters lu_params(hakit::metadata::iSCSILogicalUnit, lu_env);
  const LogicalUnitConfig lu = read_logical_unit_config(lu_params, lu_env);
  CHECK(iet_logical_unit_command(lu, 3, true) ==
        std::vector<std::string>{"--op", "new", "--tid=3", "--lun=0", "--params",
                                 "Path=/dev/drbd0,Type=blockio,ScsiId=lu1,ScsiSN=b56fbecf"});
}

TEST_CASE("IET: initiators files keep other targets' lines", "[iscsi][iet]") {
  const std::string before = "# comment\niqn.a:1 ALL\niqn.b:2 10.0.0.0/8\n";
  CHECK(with_initiator_line(before, "iqn.a:1", "iqn.a:1 iqn.x:init") ==
        "# comment\niqn.b:2 10.0.0.0/8\niqn.a:1 iqn.x:init\n");
  CHECK(with_initiator_line(before, "iqn.b:2", "") == "# comment\niqn.a:1 ALL\n");
  CHECK(with_initiator_line("", "iqn.a:1", "iqn.a:1 ALL") == "iqn.a:1 ALL\n");
}
