// What each access mode needs from this node before activating (the shell agent's
// lvmlockd_check, clvmd_check, systemid_check and tagging_check). Throws ocf::Error naming
// the lvm.conf setting or daemon to fix; kErrArgs for lvm.conf, as ocf:heartbeat:LVM-activate.
#pragma once

#include <string>

#include "exec/deadline.h"
#include "storage/lvm_activation.h"

namespace hakit::storage {

/// The value of activation/volume_list (parse_config_value's) admits `target.vg` without our tag
/// (which would defeat the tag filter): it names the VG or the tag itself.
bool volume_list_bypasses_tag(const std::string& volume_list, const std::string& vg,
                              const std::string& tag);

void check_access_mode_setup(const LvmTarget& target, const ActivationPolicy& policy,
                             const exec::Deadline& deadline);

}  // namespace hakit::storage
