#include "storage/filesystem_type.h"

#include <catch2/catch.hpp>

using hakit::storage::filesystem_type;
using hakit::storage::SourceKind;

TEST_CASE("local filesystems are not cluster-aware", "[storage][filesystem_type]") {
  for (const char* name : {"ext2", "ext3", "ext4", "ext4dev", "xfs", "jfs", "reiserfs", "btrfs"}) {
    INFO(name);
    const auto type = filesystem_type(name);
    CHECK_FALSE(type.cluster_aware);
    CHECK(type.source == SourceKind::kBlockDevice);
    CHECK_FALSE(type.force_umount);
    CHECK(type.kernel_name == name);
  }
}

TEST_CASE("cluster, network and virtual filesystems may be cloned", "[storage][filesystem_type]") {
  for (const char* name :
       {"ocfs2", "gfs2", "nfs", "nfs4", "cifs", "glusterfs", "ceph", "tmpfs", "overlay", "none"}) {
    INFO(name);
    CHECK(filesystem_type(name).cluster_aware);
  }
  CHECK(filesystem_type("nfs").source == SourceKind::kNetwork);
  CHECK(filesystem_type("tmpfs").source == SourceKind::kNamed);
  CHECK(filesystem_type("ocfs2").source == SourceKind::kBlockDevice);
}

TEST_CASE("run_fsck=auto skips journaling, network and cluster types",
          "[storage][filesystem_type]") {
  for (const char* name : {"ext3", "ext4", "xfs", "jfs", "nfs", "ocfs2", "gfs2", "tmpfs", "vfat"}) {
    INFO(name);
    CHECK_FALSE(filesystem_type(name).fsck_on_auto);
  }
  CHECK(filesystem_type("ext2").fsck_on_auto);
  CHECK(filesystem_type("minix").fsck_on_auto);
}

TEST_CASE("network filesystems get umount -f", "[storage][filesystem_type]") {
  for (const char* name : {"nfs", "nfs4", "efs", "cifs", "smbfs"}) {
    INFO(name);
    CHECK(filesystem_type(name).force_umount);
  }
  CHECK_FALSE(filesystem_type("glusterfs").force_umount);
}

TEST_CASE("kernel support is looked up under the right name", "[storage][filesystem_type]") {
  CHECK(filesystem_type("efs").kernel_name == "nfs4");
  CHECK(filesystem_type("glusterfs").kernel_name == "fuse");
  CHECK(filesystem_type("fuse.sshfs").kernel_name == "fuse");
  CHECK(filesystem_type("none").kernel_name.empty());
  // Unknown types: local, not cluster-aware, their own kernel name.
  const auto unknown = filesystem_type("minix");
  CHECK_FALSE(unknown.cluster_aware);
  CHECK(unknown.kernel_name == "minix");
  CHECK(unknown.name == "minix");
}
