// One `disk = [...]` entry of a Xen guest config, xl-disk-configuration(5): positional
// ("/dev/vg/lv,raw,xvda,rw"), key=value ("format=raw, vdev=xvda, access=rw,
// target=/dev/vg/lv") and the deprecated xm prefixes ("phy:/dev/vg/lv,xvda,w",
// "file:/srv/x.img,hda,w", "tap:aio:/srv/x.img,xvda,w", "drbd:r0,xvda,w").
#pragma once

#include <string_view>

#include "virt/config_error.h"
#include "virt/domain_spec.h"

namespace hakit::virt {

/// Throws ConfigError on `line` for an unknown access mode, format, key or device type,
/// a missing vdev, or a disk without a target that is not a CD-ROM.
DiskSpec parse_xen_disk_spec(std::string_view spec, int line);

}  // namespace hakit::virt
