// The LVM commands that activate and deactivate a volume group or one logical volume in
// each access mode, as pure functions of the configuration and the VG's current metadata
// (so every mode's commands are unit-tested without a kernel):
//
//   mode       start                                              stop
//   lvmlockd   vgchange --lockstart; lvchange -aey|-asy           lvchange -an; vgchange
//                                                                 --lockstop once no LV is active
//   clvmd      lvchange -aey|-asy                                 lvchange -an
//   system_id  vgchange --systemid <ours> (accepting the old ID); lvchange -an
//              --setautoactivation n; lvchange -ay
//   tagging    vgchange --deltag <others> --addtag <tag>;          lvchange -an (same filter);
//              lvchange -ay --config activation{volume_list=["@tag"]}  vgchange --deltag <all>
//   local      lvchange -ay                                       lvchange -an
#pragma once

#include <string>
#include <vector>

#include "storage/lvm_access.h"
#include "storage/lvm_report.h"

namespace hakit::storage {

using Argv = std::vector<std::string>;

struct LvmTarget {
  std::string vg;
  std::string lv;  ///< empty: every LV of the VG
  /// "vg" or "vg/lv", as LVM commands take it.
  std::string spec() const { return lv.empty() ? vg : vg + "/" + lv; }
};

struct ActivationPolicy {
  VgAccessMode access = VgAccessMode::kSystemId;
  ActivationMode activation = ActivationMode::kExclusive;
  std::string tag = "pacemaker";
  bool partial = false;   ///< activate with PVs missing (--partial)
  bool degraded = false;  ///< RAID LVs may come up degraded (--activationmode degraded)
};

/// The commands, in order, that activate `target`. `local_system_id` is this node's
/// (`lvm systemid`), used in system_id mode.
std::vector<Argv> activation_commands(const LvmTarget& target, const ActivationPolicy& policy,
                                      const VolumeGroupInfo& vg,
                                      const std::string& local_system_id);

/// The commands, in order, that deactivate `target`. `others_active`: another LV of the VG
/// stays active here (lvmlockd then keeps the VG's lockspace, tagging keeps the tags).
std::vector<Argv> deactivation_commands(const LvmTarget& target, const ActivationPolicy& policy,
                                        const VolumeGroupInfo& vg, bool others_active);

}  // namespace hakit::storage
