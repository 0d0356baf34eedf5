#include "storage/filesystem_config.h"

#include <signal.h>

#include <catch2/catch.hpp>

#include "metadata/Filesystem.h"
#include "ocf/error.h"
#include "ocf/failure_for_tests.h"
#include "ocf/node_attribute.h"

using hakit::ocf::Environment;
using hakit::ocf::Error;
using hakit::ocf::ExitCode;
using hakit::ocf::Parameters;
using hakit::storage::DeviceKind;
using hakit::storage::FilesystemConfig;
using hakit::storage::FsckMode;

namespace {

using Vars = std::map<std::string, std::string, std::less<>>;

Vars base() {
  return {{"OCF_RESKEY_device", "/dev/loop0"},
          {"OCF_RESKEY_directory", "/srv/data/"},
          {"OCF_RESKEY_fstype", "ext4"},
          {"OCF_RESOURCE_INSTANCE", "fs1"}};
}

FilesystemConfig config_from(const Vars& vars) {
  const Environment env(vars);
  const Parameters params(hakit::metadata::Filesystem, env);
  return FilesystemConfig::from(params);
}

/// The error configuring with `key` set to `value` (removed when `value` is empty).
hakit::ocf::Failure error_with(const std::string& key, const std::string& value) {
  Vars vars = base();
  if (value.empty()) {
    vars.erase(key);
  } else {
    vars[key] = value;
  }
  return hakit::ocf::failure_of([&] { config_from(vars); });
}

}  // namespace

TEST_CASE("defaults match ocf:heartbeat:Filesystem", "[storage][filesystem_config]") {
  const FilesystemConfig config = config_from(base());
  CHECK(config.device.kind == DeviceKind::kPath);
  CHECK(config.directory == "/srv/data");
  CHECK(config.type.name == "ext4");
  CHECK(config.statusfile_prefix == ".Filesystem_status/");
  CHECK(config.run_fsck == FsckMode::kAuto);
  CHECK_FALSE(config.fast_stop);
  CHECK_FALSE(config.force_clones);
  CHECK(config.signal_holders);
  CHECK(config.term_signals == std::vector<int>{SIGTERM});
  CHECK(config.kill_signals == std::vector<int>{SIGKILL});
  CHECK(config.signal_delay == std::chrono::seconds(1));
  CHECK_FALSE(config.wants_fsck());  // ext4 journals
}

TEST_CASE("parameters are parsed", "[storage][filesystem_config]") {
  Vars vars = base();
  vars["OCF_RESKEY_fstype"] = "ext2";
  vars["OCF_RESKEY_force_unmount"] = "safe";
  vars["OCF_RESKEY_signal_delay"] = "500ms";
  vars["OCF_RESKEY_term_signals"] = "HUP TERM";
  vars["OCF_RESKEY_fast_stop"] = "yes";
  vars["OCF_RESKEY_options"] = "noatime,ro";
  const FilesystemConfig config = config_from(vars);
  CHECK(config.signal_holders);
  CHECK(config.signal_delay == std::chrono::milliseconds(500));
  CHECK(config.term_signals == std::vector<int>{SIGHUP, SIGTERM});
  CHECK(config.fast_stop);
  CHECK(config.has_option("ro"));
  CHECK(config.wants_fsck());  // ext2 on auto

  vars["OCF_RESKEY_force_unmount"] = "false";
  vars["OCF_RESKEY_run_fsck"] = "no";
  CHECK_FALSE(config_from(vars).signal_holders);
  CHECK_FALSE(config_from(vars).wants_fsck());
  vars["OCF_RESKEY_run_fsck"] = "force";
  vars["OCF_RESKEY_fstype"] = "xfs";
  CHECK(config_from(vars).wants_fsck());
  vars["OCF_RESKEY_options"] = "loop";
  CHECK_FALSE(config_from(vars).wants_fsck());  // an image file, not a block device
}

TEST_CASE("bad Filesystem parameters are configuration errors naming the parameter",
          "[storage][filesystem_config]") {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases{
      {"OCF_RESKEY_device", "", "device"},
      {"OCF_RESKEY_directory", "", "directory"},
      {"OCF_RESKEY_fstype", "", "fstype"},
      {"OCF_RESKEY_directory", "srv/data", "directory"},
      {"OCF_RESKEY_device", "loop0", "device"},
      {"OCF_RESKEY_run_fsck", "sometimes", "run_fsck"},
      {"OCF_RESKEY_force_unmount", "move", "force_unmount"},
      {"OCF_RESKEY_fast_stop", "maybe", "fast_stop"},
      {"OCF_RESKEY_term_signals", "TERMINATE", "term_signals"},
      {"OCF_RESKEY_kill_signals", "0", "kill_signals"},
      {"OCF_RESKEY_signal_delay", "soon", "signal_delay"},
  };
  for (const auto& [key, value, named] : cases) {
    INFO(key << "=" << value);
    const auto [code, reason] = error_with(key, value);
    CHECK(code == ExitCode::kErrConfigured);
    CHECK_THAT(reason, Catch::Contains(named));
  }
}

TEST_CASE("the status file is named after resource, clone and node",
          "[storage][filesystem_config]") {
  Vars vars = base();
  const std::string node = hakit::ocf::host_name();
  CHECK(config_from(vars).status_file("/srv/data", Environment(vars)) ==
        "/srv/data/.Filesystem_status/fs1_" + node);
  vars["OCF_RESOURCE_INSTANCE"] = "fs1:2";
  vars["OCF_RESKEY_CRM_meta_clone"] = "2";
  vars["OCF_RESKEY_statusfile_prefix"] = ".status-";
  CHECK(config_from(vars).status_file("/srv/data", Environment(vars)) ==
        "/srv/data/.status-fs1:2_2_" + node);
}
