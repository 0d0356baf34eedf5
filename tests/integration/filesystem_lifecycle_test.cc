// The built Filesystem agent on real loop devices: the OCF life cycle, deep monitors,
// UUID and label devices, bind mounts, sub-mounts and clone safety.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "filesystem_agent_run.h"
#include "loop_device.h"
#include "ocf/node_attribute.h"
#include "run_checked.h"
#include "storage/mount_table.h"
#include "temp_dir.h"

using namespace hakit;
using filesystem_test::FilesystemResource;

namespace {

constexpr int kOk = 0, kNotRunning = 7, kErrConfigured = 6;

/// The device mounted on `directory`, empty when nothing is.
std::string mounted_source(const std::string& directory) {
  const storage::MountTable table = storage::MountTable::read();
  const storage::MountEntry* mount = table.at(directory);
  return mount != nullptr ? mount->source : "";
}

}  // namespace

TEST_CASE("Filesystem: validate, start, monitor, stop, monitor on ext4 and xfs",
          "[filesystem][lifecycle]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  // xfsprogs refuses filesystems smaller than 300 MiB; the image is sparse.
  for (const auto& [fstype, size_mb] : {std::pair{"ext4", 64}, std::pair{"xfs", 320}}) {
    DYNAMIC_SECTION(fstype) {
      const lab::TempDir dir("fs-lifecycle");
      const lab::LoopDevice disk(dir / "disk.img", size_mb, fstype);
      const std::string mount_point = dir / "mnt";  // created by start
      const FilesystemResource fs(
          {{"device", disk.device()}, {"directory", mount_point}, {"fstype", fstype}});

      CHECK(fs.run("validate-all").code == kOk);
      CHECK(fs.run("monitor", {{"OCF_RESKEY_CRM_meta_interval", "0"}}).code == kNotRunning);
      REQUIRE(fs.run("start").code == kOk);
      CHECK(mounted_source(mount_point) == disk.device());
      CHECK(fs.run("start").code == kOk);  // already mounted
      CHECK(fs.run("monitor").code == kOk);
      CHECK(fs.run("monitor", {{"OCF_CHECK_LEVEL", "10"}}).code == kOk);
      CHECK(fs.run("monitor", {{"OCF_CHECK_LEVEL", "20"}}).code == kOk);
      const std::string status_file = mount_point + "/.Filesystem_status/fs1_" + ocf::host_name();
      CHECK(std::filesystem::file_size(status_file) == 4096);
      CHECK(fs.run("stop", {{"OCF_CHECK_LEVEL", "20"}}).code == kOk);
      CHECK_FALSE(lab::is_mounted(mount_point));
      CHECK(fs.run("monitor").code == kNotRunning);
      CHECK(fs.run("stop").code == kOk);  // already stopped

      // The status file went before the unmount: mount again and look.
      REQUIRE(fs.run("start").code == kOk);
      CHECK_FALSE(std::filesystem::exists(status_file));
      CHECK(fs.run("stop").code == kOk);
    }
  }
}

TEST_CASE("Filesystem: -U, UUID= and -L devices are resolved with libblkid",
          "[filesystem][lifecycle]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-uuid");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4", "hakitlabel");
  const std::string mount_point = dir / "mnt";
  const std::string uuid = disk.uuid();
  REQUIRE_FALSE(uuid.empty());

  // Section names must not change between Catch's runs: the UUID is new each time.
  const std::vector<std::pair<std::string, std::string>> forms{
      {"-U", "-U " + uuid}, {"UUID=", "UUID=" + uuid}, {"-L", "-L hakitlabel"}};
  for (const auto& [form, device] : forms) {
    DYNAMIC_SECTION(form) {
      const FilesystemResource fs(
          {{"device", device}, {"directory", mount_point}, {"fstype", "ext4"}});
      REQUIRE(fs.run("start").code == kOk);
      CHECK(mounted_source(mount_point) == disk.device());
      CHECK(fs.run("monitor", {{"OCF_CHECK_LEVEL", "10"}}).code == kOk);
      CHECK(fs.run("stop").code == kOk);
      CHECK_FALSE(lab::is_mounted(mount_point));
    }
  }
}

TEST_CASE("Filesystem: a bind mount, and stop unmounts what is mounted below",
          "[filesystem][lifecycle]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-bind");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string data = dir / "data";
  const std::string bind = dir / "bind";
  const FilesystemResource fs({{"device", disk.device()}, {"directory", data}, {"fstype", "ext4"}});
  REQUIRE(fs.run("start").code == kOk);
  std::filesystem::create_directories(data + "/export/sub");

  const FilesystemResource bound(
      {{"device", data + "/export"}, {"directory", bind}, {"fstype", "none"}, {"options", "bind"}},
      "bind1");
  CHECK(bound.run("validate-all").code == kOk);
  REQUIRE(bound.run("start").code == kOk);
  CHECK(lab::is_mounted(bind));
  CHECK(bound.run("monitor", {{"OCF_CHECK_LEVEL", "10"}}).code == kOk);  // a no-op for binds

  // Stopping the bind mount leaves the filesystem it came from alone.
  CHECK(bound.run("stop").code == kOk);
  CHECK_FALSE(lab::is_mounted(bind));
  CHECK(lab::is_mounted(data));

  // Stopping the filesystem unmounts the tmpfs below it (and a bind of it) first.
  REQUIRE(bound.run("start").code == kOk);
  lab::run_checked({"mount", "-t", "tmpfs", "tmpfs", data + "/export/sub"});
  const auto stop = fs.run("stop");
  CHECK(stop.code == kOk);
  CHECK_FALSE(lab::is_mounted(data + "/export/sub"));
  CHECK_FALSE(lab::is_mounted(bind));
  CHECK_FALSE(lab::is_mounted(data));
}

TEST_CASE("Filesystem: a local filesystem refuses to run as a clone unless forced",
          "[filesystem][lifecycle]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-clone");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const filesystem_test::Env clone{{"OCF_RESKEY_CRM_meta_clone", "0"},
                                   {"OCF_RESKEY_CRM_meta_clone_max", "2"}};
  const FilesystemResource fs(
      {{"device", disk.device()}, {"directory", mount_point}, {"fstype", "ext4"}});

  const auto refused = fs.run("start", clone);
  CHECK(refused.code == kErrConfigured);
  CHECK(refused.exit_reason() == "DANGER! ext4 on " + disk.device() + " is NOT cluster-aware!");
  CHECK_FALSE(lab::is_mounted(mount_point));

  const FilesystemResource forced({{"device", disk.device()},
                                   {"directory", mount_point},
                                   {"fstype", "ext4"},
                                   {"force_clones", "true"}});
  CHECK(forced.run("start", clone).code == kOk);
  CHECK(lab::is_mounted(mount_point));
  CHECK(forced.run("stop", clone).code == kOk);

  const FilesystemResource read_only({{"device", disk.device()},
                                      {"directory", mount_point},
                                      {"fstype", "ext4"},
                                      {"options", "ro"}});
  CHECK(read_only.run("start", clone).code == kOk);
  CHECK(read_only.run("stop", clone).code == kOk);
  CHECK_FALSE(lab::is_mounted(mount_point));
}

TEST_CASE("Filesystem: a depth-20 monitor that blocks fails within its timeout",
          "[filesystem][lifecycle]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-hung");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const FilesystemResource fs(
      {{"device", disk.device()}, {"directory", mount_point}, {"fstype", "ext4"}});
  REQUIRE(fs.run("start").code == kOk);
  // Opening a FIFO for writing blocks until a reader comes: I/O that never returns.
  std::filesystem::create_directory(mount_point + "/.Filesystem_status");
  const std::string status_file = mount_point + "/.Filesystem_status/fs1_" + ocf::host_name();
  REQUIRE(::mkfifo(status_file.c_str(), 0600) == 0);

  const auto started = std::chrono::steady_clock::now();
  const auto monitor =
      fs.run("monitor", {{"OCF_CHECK_LEVEL", "20"}, {"OCF_RESKEY_CRM_meta_timeout", "3000"}});
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(monitor.code == 1);
  CHECK_THAT(monitor.exit_reason(), Catch::Contains("timed out"));
  CHECK(took < std::chrono::milliseconds(3000));
  CHECK(fs.run("stop", {{"OCF_CHECK_LEVEL", "20"}}).code == kOk);
  CHECK_FALSE(lab::is_mounted(mount_point));
}

TEST_CASE("Filesystem: run_fsck=force checks the device, and a broken one fails the start",
          "[filesystem][lifecycle]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-fsck");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const FilesystemResource checked({{"device", disk.device()},
                                    {"directory", mount_point},
                                    {"fstype", "ext4"},
                                    {"run_fsck", "force"}});
  const auto start = checked.run("start");
  CHECK(start.code == kOk);
  CHECK_THAT(start.err, Catch::Contains("Starting filesystem check on " + disk.device()));
  REQUIRE(checked.run("stop").code == kOk);

  // Zero the ext4 superblock (1 KiB at offset 1 KiB).
  lab::run_checked({"dd", "if=/dev/zero", "of=" + disk.device(), "bs=1024", "count=1", "seek=1",
                    "conv=notrunc,fsync"});
  const auto broken = checked.run("start");
  CHECK(broken.code == 1);
  CHECK_THAT(broken.exit_reason(),
             Catch::StartsWith("Couldn't successfully fsck filesystem for " + disk.device()));
  CHECK_FALSE(lab::is_mounted(mount_point));

  const FilesystemResource unchecked({{"device", disk.device()},
                                      {"directory", mount_point},
                                      {"fstype", "ext4"},
                                      {"run_fsck", "no"}});
  const auto unmountable = unchecked.run("start");
  CHECK(unmountable.code == 1);
  CHECK_THAT(unmountable.exit_reason(),
             Catch::StartsWith("Couldn't mount device [" + disk.device() + "]"));
  CHECK(unmountable.err.find("filesystem check") == std::string::npos);
  CHECK_FALSE(lab::is_mounted(mount_point));
}
