// The Filesystem agent's parameters, checked and typed once. Every syntax error is an
// ocf::Error(kErrConfigured) whose reason names the parameter and what to write instead.
#pragma once

#include <string>
#include <vector>

#include "exec/deadline.h"
#include "ocf/environment.h"
#include "ocf/parameters.h"
#include "storage/device_spec.h"
#include "storage/filesystem_type.h"

namespace hakit::storage {

enum class FsckMode { kAuto, kForce, kNo };

struct FilesystemConfig {
  DeviceSpec device;
  std::string directory;  ///< absolute and lexically normal, not yet canonical
  FilesystemType type;
  std::string options;
  std::string statusfile_prefix;
  FsckMode run_fsck = FsckMode::kAuto;
  bool fast_stop = false;
  bool force_clones = false;
  /// force_unmount true or safe (both walk /proc safely here); false never signals.
  bool signal_holders = true;
  std::vector<int> term_signals;
  std::vector<int> kill_signals;
  exec::Millis signal_delay{1000};

  static FilesystemConfig from(const ocf::Parameters& params);

  bool has_option(std::string_view option) const;
  /// Whether start checks the device with fsck first.
  bool wants_fsck() const;
  /// `<mount point>/<statusfile_prefix><instance>[_<clone>]_<node>`, as the anchor agent.
  std::string status_file(const std::string& mount_point, const ocf::Environment& env) const;
};

}  // namespace hakit::storage
