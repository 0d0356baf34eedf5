// What the agent needs to know about a filesystem type, in one table: whether it may
// be mounted on several nodes at once, whether start runs fsck on it, what its
// device parameter names, and which kernel filesystem has to be present for it.
#pragma once

#include <string>
#include <string_view>

namespace hakit::storage {

/// What the `device` parameter of a filesystem type refers to.
enum class SourceKind {
  kBlockDevice,  ///< a block device (or, with -o loop, an image file)
  kNetwork,      ///< server:/export, //server/share, mon:/path
  kNamed,        ///< a name only (tmpfs, overlay, a zfs dataset, bind mounts' "none")
};

struct FilesystemType {
  std::string name;
  /// Safe to mount on several nodes at once: cluster, network and node-local virtual
  /// filesystems. Others refuse to run as a clone unless force_clones (or ro) says so.
  bool cluster_aware = false;
  /// run_fsck=auto checks it before mounting (journaling, network, cluster and virtual
  /// filesystems need no check).
  bool fsck_on_auto = true;
  /// umount -f is worth trying when the server is gone (NFS, CIFS).
  bool force_umount = false;
  SourceKind source = SourceKind::kBlockDevice;
  /// fast_stop's 6-second unmount budget may apply. Not for cluster filesystems: their
  /// unmount flushes the journal and leaves the DLM lockspace, and a stop that gives up
  /// early gets the node fenced.
  bool fast_stop_safe = true;
  /// The /proc/filesystems entry that must exist to mount it; empty when no check applies.
  std::string kernel_name;
};

/// Traits of `name` (as given to mount -t). Unknown types are treated as local,
/// block-device filesystems that are not cluster-aware and get an fsck on auto.
FilesystemType filesystem_type(std::string_view name);

}  // namespace hakit::storage
