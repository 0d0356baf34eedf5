#include "storage/filesystem_type.h"

#include <array>

namespace hakit::storage {
namespace {

struct Row {
  std::string_view name;
  bool cluster_aware;
  bool fsck_on_auto;
  bool force_umount;
  SourceKind source;
  std::string_view kernel_name;  ///< "" = same as name; "-" = no check
};

using enum SourceKind;

// The classification follows ocf:heartbeat:Filesystem (its CLUSTERSAFE, is_fsck_needed,
// set_blockdevice_var and fstype_supported case lists), so migrating keeps behaviour.
constexpr std::array kTypes{
    // Local filesystems: mounting one twice corrupts it.
    Row{"ext2", false, true, false, kBlockDevice, ""},
    Row{"ext3", false, false, false, kBlockDevice, ""},
    Row{"ext4", false, false, false, kBlockDevice, ""},
    Row{"ext4dev", false, false, false, kBlockDevice, ""},
    Row{"xfs", false, false, false, kBlockDevice, ""},
    Row{"jfs", false, false, false, kBlockDevice, ""},
    Row{"reiserfs", false, false, false, kBlockDevice, ""},
    Row{"reiser4", false, false, false, kBlockDevice, ""},
    Row{"btrfs", false, true, false, kBlockDevice, ""},
    Row{"vfat", false, false, false, kBlockDevice, ""},
    Row{"fat", false, false, false, kBlockDevice, ""},
    Row{"nss", false, false, false, kBlockDevice, ""},
    // Cluster filesystems on shared block devices.
    Row{"ocfs2", true, false, false, kBlockDevice, ""},
    Row{"gfs2", true, false, false, kBlockDevice, ""},
    // Network filesystems.
    Row{"nfs", true, false, true, kNetwork, ""},
    Row{"nfs4", true, false, true, kNetwork, ""},
    Row{"efs", true, false, true, kNetwork, "nfs4"},
    Row{"aznfs", true, false, true, kNetwork, "nfs4"},
    Row{"cifs", true, false, true, kNetwork, ""},
    Row{"smbfs", true, false, true, kNetwork, ""},
    Row{"glusterfs", true, false, false, kNetwork, "fuse"},
    Row{"ceph", true, false, false, kNetwork, ""},
    Row{"lustre", true, false, false, kNetwork, ""},
    Row{"rozofs", true, false, false, kNetwork, "fuse"},
    // Named sources: virtual, pooled or bind mounts.
    Row{"none", true, false, false, kNamed, "-"},
    Row{"tmpfs", true, false, false, kNamed, ""},
    Row{"overlay", true, false, false, kNamed, ""},
    Row{"overlayfs", true, false, false, kNamed, ""},
    Row{"cvfs", true, false, false, kNamed, ""},
    Row{"zfs", false, false, false, kNamed, ""},
};

}  // namespace

FilesystemType filesystem_type(std::string_view name) {
  for (const Row& row : kTypes) {
    if (row.name != name) continue;
    std::string kernel_name(row.kernel_name.empty() ? row.name : row.kernel_name);
    if (row.kernel_name == "-") kernel_name.clear();
    const bool cluster_filesystem = row.name == "ocfs2" || row.name == "gfs2";
    return {std::string(name), row.cluster_aware,   row.fsck_on_auto, row.force_umount,
            row.source,        !cluster_filesystem, kernel_name};
  }
  // FUSE filesystems are mounted through /dev/fuse by their userspace helper.
  const std::string kernel_name = name.starts_with("fuse.") ? "fuse" : std::string(name);
  return {std::string(name), false, true, false, kBlockDevice, true, kernel_name};
}

}  // namespace hakit::storage
