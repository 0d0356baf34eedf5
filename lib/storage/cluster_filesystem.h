// What OCFS2 and GFS2 need before they can be mounted: the cluster stack their superblock
// names must be running here, and a filesystem made for one node must not be mounted by a
// clone. The superblock is read with the filesystems' own tools (mounted.ocfs2 -d,
// tunegfs2 -l), whose outputs are parsed here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "exec/deadline.h"
#include "storage/mount_command.h"

namespace hakit::storage {

/// The cluster stack an OCFS2 superblock names: "pcmk", "o2cb", or "None" for a
/// local-only (mkfs.ocfs2 -M local) filesystem, and the cluster name ("" for none).
struct Ocfs2Stack {
  std::string stack;
  std::string cluster;
};

/// Parses `mounted.ocfs2 -d DEVICE`: the columns of the first device line.
std::optional<Ocfs2Stack> parse_mounted_ocfs2(std::string_view output);

/// The "Lock protocol" (lock_dlm, lock_nolock) of `tunegfs2 -l DEVICE`; "" when absent.
std::string parse_gfs2_lock_protocol(std::string_view output);
/// The lockproto= mount option, which overrides the superblock's; "" when not given.
std::string lockproto_option(std::string_view options);

/// OCFS2: a local filesystem cannot be a clone; pcmk needs dlm_controld, o2cb its cluster
/// registered in configfs. Throws ocf::Error naming what is missing.
void prepare_ocfs2_mount(const MountRequest& request, bool as_clone,
                         const exec::Deadline& deadline);
/// GFS2: lock_nolock cannot be a clone; lock_dlm needs dlm_controld. Throws ocf::Error.
void prepare_gfs2_mount(const MountRequest& request, bool as_clone, const exec::Deadline& deadline);

}  // namespace hakit::storage
