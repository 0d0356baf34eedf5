// The DRBD kernel module's version: which protocol of the tools to speak (8.4 or 9) and the
// require_drbd_module_version_* checks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hakit::storage {

struct DrbdVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;

  /// As drbdadm's DRBD_KERNEL_VERSION_CODE: 0xMMmmpp.
  int code() const { return major << 16 | minor << 8 | patch; }
  /// DRBD 9 speaks events2 and has several peers per resource; 8.4 has one peer.
  bool is_v9() const { return major >= 9; }
  std::string text() const;
  // clang-tidy 14 reads the defaulted <=>'s comparison with literal 0 as a null pointer.
  auto operator<=>(const DrbdVersion&) const = default;  // NOLINT(modernize-use-nullptr)
};

/// "x.y.z", optionally followed by anything not a digit ("8.4.11", "9.2.12-1"); nullopt
/// otherwise.
std::optional<DrbdVersion> parse_drbd_version(std::string_view text);
/// The version line /proc/drbd starts with: "version: 8.4.11 (api:1/proto:86-101)".
std::optional<DrbdVersion> parse_proc_drbd_version(std::string_view proc_drbd);

}  // namespace hakit::storage
