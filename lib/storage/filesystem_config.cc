#include "storage/filesystem_config.h"

#include "ocf/error.h"
#include "ocf/node_attribute.h"
#include "storage/mount_point.h"
#include "storage/signal_list.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

FsckMode parse_fsck_mode(const std::string& text) {
  if (text == "auto" || text.empty()) return FsckMode::kAuto;
  if (text == "force") return FsckMode::kForce;
  if (text == "no") return FsckMode::kNo;
  throw Error(ExitCode::kErrConfigured,
              cat("run_fsck is '", text, "' but must be auto, force or no"));
}

bool parse_force_unmount(const std::string& text) {
  if (text == "safe") return true;
  if (const auto flag = ocf::parse_bool(text)) return *flag;
  throw Error(ExitCode::kErrConfigured,
              cat("force_unmount is '", text, "' but must be true, safe or false"));
}

exec::Millis parse_signal_delay(const std::string& text) {
  const auto delay = ocf::parse_duration(text);
  if (!delay) {
    throw Error(ExitCode::kErrConfigured,
                cat("signal_delay is '", text, "' but must be a number of seconds (or 500ms)"));
  }
  return *delay;
}

std::string parse_directory(const std::string& text) {
  if (!text.starts_with('/')) {
    throw Error(ExitCode::kErrConfigured, cat("directory '", text, "' must be an absolute path"));
  }
  return normal_path(text);
}

}  // namespace

FilesystemConfig FilesystemConfig::from(const ocf::Parameters& params) {
  FilesystemConfig config;
  config.type = filesystem_type(params.str("fstype"));
  config.options = params.str("options");
  config.device = DeviceSpec::parse(params.str("device"), config.type, config.options);
  config.directory = parse_directory(params.str("directory"));
  config.statusfile_prefix = params.str("statusfile_prefix");
  if (config.statusfile_prefix.empty()) config.statusfile_prefix = ".Filesystem_status/";
  config.run_fsck = parse_fsck_mode(params.str("run_fsck"));
  config.fast_stop = params.boolean("fast_stop");
  config.force_clones = params.boolean("force_clones");
  config.signal_holders = parse_force_unmount(params.str("force_unmount"));
  config.term_signals = parse_signal_list(params.str("term_signals"), "term_signals");
  config.kill_signals = parse_signal_list(params.str("kill_signals"), "kill_signals");
  config.signal_delay = parse_signal_delay(params.str("signal_delay"));
  return config;
}

bool FilesystemConfig::has_option(std::string_view option) const {
  return has_mount_option(options, option);
}

bool FilesystemConfig::wants_fsck() const {
  // fsck checks block devices only, as the anchor agent: not sources, binds or images.
  const bool block_device = device.kind == DeviceKind::kPath || device.kind == DeviceKind::kUuid ||
                            device.kind == DeviceKind::kLabel;
  if (!block_device || has_option("loop")) return false;
  switch (run_fsck) {
    case FsckMode::kForce:
      return true;
    case FsckMode::kNo:
      return false;
    case FsckMode::kAuto:
      break;
  }
  return type.fsck_on_auto;
}

std::string FilesystemConfig::status_file(const std::string& mount_point,
                                          const ocf::Environment& env) const {
  std::string name = env.resource_instance();
  if (const auto clone = env.clone_instance(); clone && !clone->empty()) name += cat("_", *clone);
  return cat(mount_point, "/", statusfile_prefix, name, "_", ocf::host_name());
}

}  // namespace hakit::storage
