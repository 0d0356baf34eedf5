#include "storage/mount_table.h"

#include <catch2/catch.hpp>

using hakit::storage::MountEntry;
using hakit::storage::MountTable;
using hakit::storage::path_within;
using hakit::storage::unescape_mount_field;

namespace {

// A root filesystem, /srv/data on a loop device with two sub-mounts (one nested), a bind
// mount of part of it elsewhere, a mount point with a space, and two tmpfs stacked on /stack.
constexpr const char* kMountInfo =
    "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw\n"
    "30 22 7:0 / /srv/data rw,relatime shared:7 - ext4 /dev/loop0 rw\n"
    "31 30 7:1 / /srv/data/sub rw - xfs /dev/loop1 rw,attr2\n"
    "32 31 0:40 / /srv/data/sub/deeper rw - tmpfs tmpfs rw\n"
    "33 30 0:41 / /srv/data/other rw - tmpfs tmpfs rw\n"
    "34 22 7:0 /export /srv/bind rw,relatime shared:7 - ext4 /dev/loop0 rw\n"
    "35 22 7:2 / /mnt/with\\040space rw master:3 - ext4 /dev/loop2 rw\n"
    "36 22 0:42 / /stack rw - tmpfs first rw\n"
    "37 36 0:43 / /stack rw - tmpfs second rw\n"
    "this line is garbage\n"
    "38 22 0:44 / /srvdata rw - tmpfs tmpfs rw\n";

}  // namespace

TEST_CASE("mountinfo lines are parsed field by field", "[storage][mount_table]") {
  const MountTable table = MountTable::parse(kMountInfo);
  REQUIRE(table.entries().size() == 10);
  const MountEntry* data = table.at("/srv/data");
  REQUIRE(data != nullptr);
  CHECK(data->id == 30);
  CHECK(data->parent_id == 22);
  CHECK(data->major == 7);
  CHECK(data->minor == 0);
  CHECK(data->root == "/");
  CHECK(data->options == "rw,relatime");
  CHECK(data->fstype == "ext4");
  CHECK(data->source == "/dev/loop0");
  CHECK(data->super_options == "rw");
  // Optional fields (shared:, master:) are skipped up to the " - " separator.
  const MountEntry* bind = table.at("/srv/bind");
  REQUIRE(bind != nullptr);
  CHECK(bind->root == "/export");
  CHECK(bind->source == "/dev/loop0");
}

TEST_CASE("octal escapes in mountinfo are decoded", "[storage][mount_table]") {
  CHECK(unescape_mount_field("/mnt/with\\040space") == "/mnt/with space");
  CHECK(unescape_mount_field("a\\011tab\\012nl\\134bs") == "a\ttab\nnl\\bs");
  CHECK(unescape_mount_field("trailing\\04") == "trailing\\04");
  CHECK(unescape_mount_field("not\\999octal") == "not\\999octal");
  const MountTable table = MountTable::parse(kMountInfo);
  REQUIRE(table.at("/mnt/with space") != nullptr);
  CHECK(table.at("/mnt/with space")->id == 35);
  CHECK(table.at("/mnt/with\\040space") == nullptr);
}

TEST_CASE("the top of a stack of mounts is the one visible", "[storage][mount_table]") {
  const MountTable table = MountTable::parse(kMountInfo);
  REQUIRE(table.at("/stack") != nullptr);
  CHECK(table.at("/stack")->source == "second");
  CHECK(table.at("/nowhere") == nullptr);
  CHECK(table.by_id(36)->source == "first");
  CHECK(table.by_id(99) == nullptr);
}

TEST_CASE("a path belongs to the mount with the longest matching mount point",
          "[storage][mount_table]") {
  const MountTable table = MountTable::parse(kMountInfo);
  CHECK(table.containing("/srv/data/file")->id == 30);
  CHECK(table.containing("/srv/data")->id == 30);
  CHECK(table.containing("/srv/data/sub/x/y")->id == 31);
  CHECK(table.containing("/srv/data/sub/deeper")->id == 32);
  // A sibling whose name merely starts with the mount point's is not inside it.
  CHECK(table.containing("/srv/datafile")->id == 22);
  CHECK(table.containing("/srvdata/x")->id == 38);
  CHECK(table.containing("/srv")->id == 22);
  CHECK(table.containing("/stack/f")->id == 37);
}

TEST_CASE("mounts below a mount point come deepest first", "[storage][mount_table]") {
  const MountTable table = MountTable::parse(kMountInfo);
  const auto below = table.below("/srv/data");
  REQUIRE(below.size() == 3);
  CHECK(below[0]->mount_point == "/srv/data/sub/deeper");
  // Equal depth: the later mount first.
  CHECK(below[1]->mount_point == "/srv/data/other");
  CHECK(below[2]->mount_point == "/srv/data/sub");
  CHECK(table.below("/srv/data/sub/deeper").empty());
  CHECK(table.below("/srvdata").empty());
}

TEST_CASE("path_within compares whole path components", "[storage][mount_table]") {
  CHECK(path_within("/a/b", "/a"));
  CHECK(path_within("/a", "/a"));
  CHECK_FALSE(path_within("/ab", "/a"));
  CHECK(path_within("/anything", "/"));
  CHECK_FALSE(path_within("relative", "/"));
}

TEST_CASE("the real mount table of this process has a root mount", "[storage][mount_table]") {
  const MountTable table = MountTable::read();
  REQUIRE(table.at("/") != nullptr);
  CHECK(table.containing("/proc/self")->fstype == "proc");
}
