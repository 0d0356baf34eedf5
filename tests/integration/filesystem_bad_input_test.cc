// Bad configurations of the built Filesystem agent: each gets the OCF code Pacemaker
// needs to react correctly and an ocf-exit-reason naming what to fix.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "filesystem_agent_run.h"
#include "loop_device.h"
#include "temp_dir.h"

using namespace hakit;
using filesystem_test::Env;
using filesystem_test::FilesystemResource;

namespace {

constexpr int kOk = 0, kErrInstalled = 5, kErrConfigured = 6, kNotRunning = 7;

struct BadInput {
  std::string description;
  Env params;  ///< merged over a valid ext4 configuration; "" removes the parameter
  std::string action;
  Env extra;
  int code;
  std::string reason;  ///< a substring of the exit reason
};

}  // namespace

TEST_CASE("Filesystem: bad input gets the right OCF code and an exit reason",
          "[filesystem][bad-input]") {
  const lab::TempDir dir("fs-bad");
  const Env valid{
      {"device", "/dev/hakit-no-such-disk"}, {"directory", dir / "mnt"}, {"fstype", "ext4"}};
  const std::vector<BadInput> cases{
      {"missing directory", {{"directory", ""}}, "validate-all", {}, kErrConfigured, "directory"},
      {"missing device", {{"device", ""}}, "validate-all", {}, kErrConfigured, "device"},
      {"missing fstype", {{"fstype", ""}}, "start", {}, kErrConfigured, "fstype"},
      {"relative directory",
       {{"directory", "mnt/data"}},
       "validate-all",
       {},
       kErrConfigured,
       "directory 'mnt/data' must be an absolute path"},
      {"relative device",
       {{"device", "sdb1"}},
       "validate-all",
       {},
       kErrConfigured,
       "device 'sdb1' must be an absolute path"},
      {"invalid run_fsck",
       {{"run_fsck", "always"}},
       "validate-all",
       {},
       kErrConfigured,
       "run_fsck"},
      {"invalid force_unmount",
       {{"force_unmount", "kill"}},
       "validate-all",
       {},
       kErrConfigured,
       "force_unmount"},
      {"invalid kill_signals",
       {{"kill_signals", "SIGNOPE"}},
       "validate-all",
       {},
       kErrConfigured,
       "kill_signals"},
      {"unknown fstype",
       {{"fstype", "hakitfs"}},
       "start",
       {},
       kErrInstalled,
       "Couldn't find filesystem hakitfs in /proc/filesystems"},
      {"device that does not exist",
       {},
       "start",
       {},
       kErrInstalled,
       "device /dev/hakit-no-such-disk does not exist"},
      {"validate-all at depth 10 checks the device",
       {},
       "validate-all",
       {{"OCF_CHECK_LEVEL", "10"}},
       kErrInstalled,
       "/dev/hakit-no-such-disk"},
      {"unknown UUID",
       {{"device", "-U 00000000-0000-0000-0000-00000000dead"}},
       "start",
       {},
       kErrInstalled,
       "UUID=00000000-0000-0000-0000-00000000dead"},
      {"malformed OCF_CHECK_LEVEL",
       {},
       "monitor",
       {{"OCF_CHECK_LEVEL", "deep"}},
       kErrConfigured,
       "OCF_CHECK_LEVEL"},
      {"unsupported OCF_CHECK_LEVEL",
       {},
       "monitor",
       {{"OCF_CHECK_LEVEL", "15"}},
       kErrConfigured,
       "unsupported monitor level 15"},
  };
  for (const BadInput& bad : cases) {
    DYNAMIC_SECTION(bad.description) {
      Env params = valid;
      for (const auto& [name, value] : bad.params) {
        if (value.empty()) {
          params.erase(name);
        } else {
          params[name] = value;
        }
      }
      const auto run = FilesystemResource(params).run(bad.action, bad.extra);
      INFO(run.err);
      CHECK(run.code == bad.code);
      CHECK_THAT(run.exit_reason(), Catch::Contains(bad.reason));
      CHECK_FALSE(std::filesystem::exists(dir / "mnt"));
    }
  }
}

TEST_CASE("Filesystem: a missing device does not fail monitors or probes",
          "[filesystem][bad-input]") {
  const lab::TempDir dir("fs-probe");
  const FilesystemResource fs(
      {{"device", "/dev/hakit-no-such-disk"}, {"directory", dir / "mnt"}, {"fstype", "ext4"}});
  CHECK(fs.run("monitor").code == kNotRunning);
  CHECK(fs.run("monitor", {{"OCF_RESKEY_CRM_meta_interval", "0"}}).code == kNotRunning);
  // ocf-tester's "all binaries are missing" probe.
  CHECK(fs.run("monitor",
               {{"OCF_RESKEY_CRM_meta_interval", "0"}, {"OCF_TESTER_FAIL_HAVE_BINARY", "1"}})
            .code == kNotRunning);
  CHECK(fs.run("stop").code == kOk);
}

TEST_CASE("Filesystem: another device on the mount point is not ours", "[filesystem][bad-input]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-other");
  const lab::LoopDevice ours(dir / "ours.img", 64, "ext4");
  const lab::LoopDevice theirs(dir / "theirs.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const FilesystemResource other(
      {{"device", theirs.device()}, {"directory", mount_point}, {"fstype", "ext4"}}, "other");
  REQUIRE(other.run("start").code == kOk);

  const FilesystemResource fs(
      {{"device", ours.device()}, {"directory", mount_point}, {"fstype", "ext4"}});
  CHECK(fs.run("monitor", {{"OCF_RESKEY_CRM_meta_interval", "0"}}).code == kNotRunning);
  const auto start = fs.run("start");
  CHECK(start.code == kErrConfigured);
  CHECK(start.exit_reason() ==
        "Another device (" + theirs.device() + ") is already mounted on " + mount_point);
  CHECK(fs.run("stop").code == kOk);  // not ours: left mounted
  CHECK(lab::is_mounted(mount_point));
  CHECK(other.run("stop").code == kOk);
  CHECK_FALSE(lab::is_mounted(mount_point));
}
