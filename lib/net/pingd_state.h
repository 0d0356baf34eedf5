// What a started pingd keeps between monitors, in its state file (ocf:pacemaker:ping's
// "pidfile"). The file existing means "started"; it also remembers the dampening attrd
// was last given, so that a changed dampen reaches attrd (-B) instead of being ignored
// (-U keeps an attribute's old dampening), and which hosts were unreachable, so that a
// change of connectivity is logged once, when it happens.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"

namespace hakit::net {

struct PingdState {
  std::optional<exec::Millis> applied_dampen;  ///< none until attrd has been told one
  std::vector<std::string> unreachable;        ///< at the last probe, in host_list order

  /// "dampen_ms=5000\nunreachable=10.0.0.1 gw\n".
  std::string serialize() const;
  /// Tolerant: unknown or malformed lines are skipped (an empty file is a fresh start).
  static PingdState parse(std::string_view text);

  /// The state at `path`, or nullopt when the file does not exist (not started).
  static std::optional<PingdState> load(const std::string& path);
  /// Writes atomically (temporary file + rename). Throws ocf::Error(kErrGeneric).
  void save(const std::string& path) const;
  /// Removes the file; true if it is gone.
  static bool remove(const std::string& path);

  bool operator==(const PingdState&) const = default;
};

/// Whether the next attribute update must carry the dampening to attrd (attrd_updater
/// -B): when none was applied yet (start) or `configured` differs (a reload changed it).
bool dampening_changed(const PingdState& state, exec::Millis configured);

}  // namespace hakit::net
