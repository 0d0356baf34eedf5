#include "storage/filesystem_agent.h"

#include <sys/stat.h>

#include <optional>

#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/filesystem_config.h"
#include "storage/health_check.h"
#include "storage/kernel_support.h"
#include "storage/mount_command.h"
#include "storage/mount_point.h"
#include "storage/mount_table.h"
#include "storage/type_hooks.h"
#include "storage/unmount.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr exec::Millis kFastStopBudget{6000};
// Removing the status file must not eat the time the unmount needs.
constexpr exec::Millis kStatusFileRemovalBudget{2000};

/// Mounting a filesystem that is not cluster-aware on several nodes corrupts it.
void check_clone_safety(const FilesystemConfig& config, const ocf::Environment& env) {
  if (!env.is_clone() || config.type.cluster_aware) return;
  const std::string what = cat(config.type.name, " on ", config.device.describe());
  if (config.force_clones || config.has_option("ro")) {
    ocf::log_warning(cat(what, " is NOT cluster-aware! Running it as a clone anyway because ",
                         config.force_clones ? "force_clones is set" : "it is mounted read-only"));
    return;
  }
  ocf::log_error("DO NOT RUN IT AS A CLONE! Refusing to proceed to avoid data corruption.");
  throw Error(ExitCode::kErrConfigured, cat("DANGER! ", what, " is NOT cluster-aware!"));
}

/// The device number of a block device node, if `path` is one.
std::optional<dev_t> block_device_id(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISBLK(info.st_mode)) return std::nullopt;
  return info.st_rdev;
}

/// Whether `mount` is of our device. Only two block device nodes can be compared without
/// probing disks; anything else (UUID, network source, bind) is assumed to be ours.
bool mounts_our_device(const FilesystemConfig& config, const MountEntry& mount) {
  if (config.device.kind != DeviceKind::kPath || !config.device.value.starts_with("/dev/") ||
      !mount.source.starts_with("/dev/")) {
    return true;
  }
  const auto ours = block_device_id(config.device.value);
  const auto mounted = block_device_id(mount.source);
  return !ours || !mounted || *ours == *mounted;
}

std::string another_device_reason(const MountEntry& mount) {
  return cat("Another device (", mount.source, ") is already mounted on ", mount.mount_point);
}

/// What stop unmounts, in order: other mounts of the same block filesystem (its bind
/// mounts elsewhere), then ours, each after whatever is mounted below it (deepest first),
/// so that the device is free afterwards.
std::vector<std::string> unmount_order(const MountTable& table, const MountEntry& mount,
                                       const FilesystemConfig& config) {
  std::vector<const MountEntry*> targets;
  if (config.type.source == SourceKind::kBlockDevice &&
      config.device.kind != DeviceKind::kDirectory) {
    for (const MountEntry& other : table.entries()) {
      if (other.id != mount.id && other.major == mount.major && other.minor == mount.minor &&
          !path_within(other.mount_point, mount.mount_point)) {
        targets.push_back(&other);
      }
    }
  }
  targets.push_back(&mount);
  std::vector<std::string> order;
  for (const MountEntry* target : targets) {
    for (const MountEntry* below : table.below(target->mount_point)) {
      order.push_back(below->mount_point);
    }
    order.push_back(target->mount_point);
  }
  return order;
}

UnmountPolicy unmount_policy(const FilesystemConfig& config) {
  UnmountPolicy policy;
  policy.signal_holders = config.signal_holders;
  policy.term_signals = config.term_signals;
  policy.kill_signals = config.kill_signals;
  policy.signal_delay = config.signal_delay;
  if (config.fast_stop && config.type.fast_stop_safe) {
    policy.budget = kFastStopBudget;
  } else if (config.fast_stop) {
    ocf::log_warning(cat("fast_stop is ignored for ", config.type.name,
                         ": its unmount leaves a DLM lockspace, which can take longer than 6 s"));
  }
  policy.force = config.type.force_umount;
  return policy;
}

void check_level_10(const FilesystemConfig& config, const MountEntry& mount,
                    const exec::Deadline& deadline) {
  const bool block_backed = config.type.source == SourceKind::kBlockDevice &&
                            config.device.kind != DeviceKind::kDirectory &&
                            mount.source.starts_with('/');
  if (!block_backed || !check_device_readable(mount.source, deadline)) {
    ocf::log_warning(cat(mount.source, " is not a block device, monitor 10 is a no-op"));
  }
}

}  // namespace

void FilesystemAgent::validate(const ocf::Context& ctx) {
  const FilesystemConfig config = FilesystemConfig::from(ctx.params);
  if (ctx.action == "validate-all" && ctx.env.check_level() >= 10) {
    require_filesystem_support(config.type, ctx.deadline);
    locate_device(config.device, config.has_option("loop"), ctx.deadline);
  }
}

ExitCode FilesystemAgent::start(const ocf::Context& ctx) {
  const FilesystemConfig config = FilesystemConfig::from(ctx.params);
  check_clone_safety(config, ctx.env);
  const MountTable table = MountTable::read();
  const std::string mount_point = resolve_mount_point(config.directory, table);
  if (const MountEntry* mounted = table.at(mount_point)) {
    if (!mounts_our_device(config, *mounted)) {
      throw Error(ExitCode::kErrConfigured, another_device_reason(*mounted));
    }
    ocf::log_info(cat("Filesystem ", mount_point, " is already mounted."));
    return ExitCode::kSuccess;
  }
  if (!table.below(mount_point).empty()) {
    throw Error(ExitCode::kErrConfigured, cat("There are mounts below ", mount_point,
                                              "; mounting over them would hide them"));
  }

  require_filesystem_support(config.type, ctx.deadline);
  const MountRequest request{config.type.name, config.options,
                             locate_device(config.device, config.has_option("loop"), ctx.deadline),
                             mount_point};
  hooks_for(config.type).before_mount(request, ctx.env.is_clone(), ctx.deadline);
  if (config.wants_fsck()) check_filesystem(config.type.name, request.source, ctx.deadline);
  mount_filesystem(request, ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode FilesystemAgent::stop(const ocf::Context& ctx) {
  const FilesystemConfig config = FilesystemConfig::from(ctx.params);
  const MountTable table = MountTable::read();
  const std::string mount_point = resolve_mount_point(config.directory, table);
  const MountEntry* mount = table.at(mount_point);
  if (mount == nullptr) {
    ocf::log_info(cat(mount_point, " is not mounted"));
    return ExitCode::kSuccess;
  }
  if (!mounts_our_device(config, *mount)) {
    ocf::log_info(cat(another_device_reason(*mount), "; not ours to unmount"));
    return ExitCode::kSuccess;
  }
  if (ctx.env.check_level() == 20) {
    const std::string status_file = config.status_file(mount_point, ctx.env);
    if (!remove_status_file(status_file, ctx.deadline.capped(kStatusFileRemovalBudget))) {
      ocf::log_warning(cat("Failed to remove status file ", status_file));
    }
  }
  const UnmountPolicy policy = unmount_policy(config);
  for (const std::string& path : unmount_order(table, *mount, config)) {
    ocf::log_info(cat("Trying to unmount ", path));
    unmount(path, policy, ctx.deadline);
  }
  hooks_for(config.type).after_unmount(mount_point, ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode FilesystemAgent::monitor(const ocf::Context& ctx) {
  const int level = ctx.env.check_level();
  if (level != 0 && level != 10 && level != 20) {
    throw Error(ExitCode::kErrConfigured,
                cat("unsupported monitor level ", level, " (OCF_CHECK_LEVEL must be 0, 10 or 20)"));
  }
  const FilesystemConfig config = FilesystemConfig::from(ctx.params);
  const MountTable table = MountTable::read();
  const std::string mount_point = resolve_mount_point(config.directory, table);
  const MountEntry* mount = table.at(mount_point);
  if (mount == nullptr) return ExitCode::kNotRunning;
  if (!mounts_our_device(config, *mount)) {
    if (ctx.env.is_probe()) return ExitCode::kNotRunning;
    throw Error(ExitCode::kErrConfigured, another_device_reason(*mount));
  }
  if (level == 10) check_level_10(config, *mount, ctx.deadline);
  if (level == 20) {
    check_status_file(config.status_file(mount_point, ctx.env),
                      cat(ctx.env.resource_instance(), "\n"), ctx.deadline);
  }
  return ExitCode::kSuccess;
}

}  // namespace hakit::storage
