#include "storage/device_spec.h"

#include <blkid/blkid.h>
#include <sys/stat.h>

#include <memory>
#include <stdexcept>

#include "ocf/error.h"
#include "storage/child_task.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

struct TagForm {
  std::string_view prefix;  ///< as written, including any '=' or the space after -U
  DeviceKind kind;
};

// Longest prefixes first, so that "--uuid=" wins over "--uuid".
constexpr TagForm kTagForms[] = {
    {"--uuid=", DeviceKind::kUuid}, {"--label=", DeviceKind::kLabel},
    {"--uuid", DeviceKind::kUuid},  {"--label", DeviceKind::kLabel},
    {"UUID=", DeviceKind::kUuid},   {"LABEL=", DeviceKind::kLabel},
    {"-U", DeviceKind::kUuid},      {"-L", DeviceKind::kLabel},
};

// server:/export (NFS, glusterfs, sshfs) or //server/share (CIFS).
bool looks_like_network_source(std::string_view device) {
  return device.starts_with("//") ||
         (!device.starts_with('/') && device.find(':') != std::string_view::npos);
}

std::string find_by_tag(const char* tag, const std::string& value) {
  blkid_cache cache = nullptr;
  // Without udev's /dev/disk/by-* links this probes the block devices themselves.
  std::unique_ptr<char, decltype(&::free)> device(blkid_evaluate_tag(tag, value.c_str(), &cache),
                                                  &::free);
  blkid_put_cache(cache);
  if (!device) throw std::runtime_error("not found");
  return device.get();
}

void require_existing(const DeviceSpec& spec, bool loop_mount) {
  struct stat info {};
  if (::stat(spec.value.c_str(), &info) != 0) {
    throw Error(ExitCode::kErrInstalled,
                cat("device ", spec.value, " does not exist on this node"));
  }
  if (spec.kind == DeviceKind::kDirectory && !S_ISDIR(info.st_mode)) {
    throw Error(ExitCode::kErrInstalled,
                cat("bind mount source ", spec.value, " is not a directory"));
  }
  if (spec.kind == DeviceKind::kPath && !loop_mount && !S_ISBLK(info.st_mode)) {
    throw Error(
        ExitCode::kErrInstalled,
        cat("device ", spec.value, " is not a block device (use options=loop for an image)"));
  }
}

}  // namespace

bool has_mount_option(std::string_view options, std::string_view option) {
  for (const std::string& given : split(options, ",")) {
    if (trim(given) == option) return true;
  }
  return false;
}

DeviceSpec DeviceSpec::parse(std::string_view device, const FilesystemType& type,
                             std::string_view options) {
  device = trim(device);
  for (const TagForm& form : kTagForms) {
    if (!device.starts_with(form.prefix)) continue;
    const std::string_view value = trim(device.substr(form.prefix.size()));
    if (value.empty()) {
      throw Error(ExitCode::kErrConfigured, cat("device '", device, "' names no UUID or label"));
    }
    return {form.kind, std::string(value)};
  }
  if (has_mount_option(options, "bind") || has_mount_option(options, "rbind")) {
    if (!device.starts_with('/')) {
      throw Error(ExitCode::kErrConfigured,
                  cat("device '", device, "' must be an absolute directory for a bind mount"));
    }
    return {DeviceKind::kDirectory, std::string(device)};
  }
  if (type.source == SourceKind::kNamed) return {DeviceKind::kName, std::string(device)};
  if (type.source == SourceKind::kNetwork || looks_like_network_source(device))
    return {DeviceKind::kNetwork, std::string(device)};
  if (!device.starts_with('/')) {
    throw Error(ExitCode::kErrConfigured,
                cat("device '", device,
                    "' must be an absolute path, -U/-L, UUID=/LABEL=, or a network source "
                    "such as server:/export"));
  }
  return {DeviceKind::kPath, std::string(device)};
}

std::string DeviceSpec::describe() const {
  switch (kind) {
    case DeviceKind::kUuid:
      return "UUID=" + value;
    case DeviceKind::kLabel:
      return "LABEL=" + value;
    default:
      return value;
  }
}

std::string locate_device(const DeviceSpec& spec, bool loop_mount, const exec::Deadline& deadline) {
  if (spec.is_local_path()) {
    require_existing(spec, loop_mount);
    return spec.value;
  }
  if (spec.kind != DeviceKind::kUuid && spec.kind != DeviceKind::kLabel) return spec.value;

  const char* tag = spec.kind == DeviceKind::kUuid ? "UUID" : "LABEL";
  const ChildOutcome found = run_in_child([&] { return find_by_tag(tag, spec.value); }, deadline);
  if (found.succeeded()) return found.text;
  throw Error(ExitCode::kErrInstalled,
              found.status == ChildOutcome::Status::kTimedOut
                  ? cat("looking up device ", spec.describe(), " timed out")
                  : cat("device ", spec.describe(), " not found on this node"));
}

}  // namespace hakit::storage
