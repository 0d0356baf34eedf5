// The clone shape a DRBD resource needs, from the CRM_meta_* attributes Pacemaker exports:
// one instance per node, at most two promoted, two instances unless DRBD 9 with one promoted,
// and notifications on. As ocf:linbit:drbd's meta_expect, with Pacemaker 2.1's promoted-*
// names read first and the master-* names as fallback.
#pragma once

#include "ocf/environment.h"
#include "storage/drbd_version.h"

namespace hakit::storage {

struct DrbdCloneMeta {
  int promoted_max = 1;  ///< promoted-max (master-max); 2 = dual-primary
};

/// Reads the clone meta. Throws Error(kErrConfigured) saying which attribute is wrong.
DrbdCloneMeta check_clone_meta(const ocf::Environment& env, const DrbdVersion& version);

/// notify=true, or a notify list present (Pacemaker exports those only with notify on).
/// Throws Error(kErrConfigured) otherwise, unless `ignore_missing` (the parameter).
void check_notifications(const ocf::Environment& env, bool ignore_missing);

}  // namespace hakit::storage
