// How a volume group is shared between cluster nodes (vg_access_mode) and how its logical
// volumes are activated (activation_mode), as ocf:heartbeat:LVM-activate names them.
#pragma once

#include <optional>
#include <string_view>

#include "storage/lvm_report.h"

namespace hakit::storage {

enum class VgAccessMode {
  kLvmlockd,  ///< a shared VG with lvmlockd's locks (lock_type dlm or sanlock)
  kClvmd,     ///< a clustered VG under clvmd (LVM before 2.03)
  kSystemId,  ///< the VG's system ID names the one node that may use it
  kTagging,   ///< a host tag plus activation/volume_list filtering
  kLocal,     ///< no cluster protection (only the legacy LVM agent's exclusive=false)
};

enum class ActivationMode { kExclusive, kShared };

/// "lvmlockd", "clvmd", "system_id", "tagging"; nullopt for anything else.
std::optional<VgAccessMode> parse_access_mode(std::string_view text);
/// "exclusive", "shared"; nullopt for anything else.
std::optional<ActivationMode> parse_activation_mode(std::string_view text);
std::string_view name_of(VgAccessMode mode);

/// The access mode the VG's metadata shows, as the shell agent reads it: a lock type means
/// lvmlockd, the clustered flag clvmd, a system ID system_id, any tag tagging.
VgAccessMode detected_access_mode(const VolumeGroupInfo& vg);

/// Whether configuring `configured` on a VG whose metadata shows `detected` is consistent.
/// Tagging cannot be told from metadata (an untagged VG may be about to get its first tag),
/// so, as in the shell agent, it is accepted on any VG.
bool access_mode_matches(VgAccessMode configured, VgAccessMode detected);

}  // namespace hakit::storage
