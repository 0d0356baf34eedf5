#include "storage/mount_point.h"

#include <catch2/catch.hpp>

#include "storage/file_tree_for_tests.h"

using hakit::storage::MountTable;
using hakit::storage::normal_path;
using hakit::storage::resolve_mount_point;
using hakit::storage::testing::FileTree;

TEST_CASE("paths are normalised textually", "[storage][mount_point]") {
  CHECK(normal_path("/srv/data/") == "/srv/data");
  CHECK(normal_path("/srv//data///") == "/srv/data");
  CHECK(normal_path("/srv/./data/../data") == "/srv/data");
  CHECK(normal_path("/") == "/");
  CHECK(normal_path("//") == "/");
}

TEST_CASE("symbolic links in and at the mount point are resolved", "[storage][mount_point]") {
  FileTree tree;
  tree.directory("real/mnt");
  tree.link("alias", tree.path("real"));
  tree.link("real/link-to-mnt", "mnt");
  const MountTable empty;
  const std::string real_root = resolve_mount_point(tree.root(), empty);

  CHECK(resolve_mount_point(tree.path("alias/mnt"), empty) == real_root + "/real/mnt");
  CHECK(resolve_mount_point(tree.path("real/link-to-mnt/"), empty) == real_root + "/real/mnt");
  // A mount point that does not exist yet keeps its name.
  CHECK(resolve_mount_point(tree.path("alias/new"), empty) == real_root + "/real/new");
}

TEST_CASE("a path mounted on is not looked at", "[storage][mount_point]") {
  FileTree tree;
  tree.link("mnt", "/elsewhere");
  const std::string root = resolve_mount_point(tree.root(), MountTable());
  // The table says something is mounted on .../mnt: the link there is not followed.
  const MountTable table =
      MountTable::parse("40 1 7:0 / " + root + "/mnt rw - ext4 /dev/loop0 rw\n");
  CHECK(resolve_mount_point(tree.path("mnt"), table) == root + "/mnt");
  CHECK(resolve_mount_point(tree.path("mnt"), MountTable()) == "/elsewhere");
}
