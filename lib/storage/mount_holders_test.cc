#include "storage/mount_holders.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>

#include "storage/file_tree_for_tests.h"

using hakit::storage::find_mount_holders;
using hakit::storage::MountTable;
using hakit::storage::ProcFs;
using hakit::storage::testing::FileTree;

namespace {

// /srv/data (mount 30, 7:0) with a sub-mount and a bind mount of the same filesystem.
constexpr const char* kMountInfo =
    "22 1 254:0 / / rw - ext4 /dev/vda rw\n"
    "24 22 0:6 / /dev rw - devtmpfs devtmpfs rw\n"
    "30 22 7:0 / /srv/data rw - ext4 /dev/loop0 rw\n"
    "31 30 7:1 / /srv/data/sub rw - xfs /dev/loop1 rw\n"
    "34 22 7:0 /export /srv/bind rw - ext4 /dev/loop0 rw\n";

void process(const FileTree& proc, int pid, const std::string& comm) {
  proc.file(std::to_string(pid) + "/comm", comm + "\n");
  proc.directory(std::to_string(pid) + "/fd");
}

void open_file(const FileTree& proc, int pid, int fd, const std::string& target,
               const std::string& fdinfo) {
  const std::string dir = std::to_string(pid);
  proc.link(dir + "/fd/" + std::to_string(fd), target);
  proc.file(dir + "/fdinfo/" + std::to_string(fd), fdinfo);
}

}  // namespace

TEST_CASE("exactly the processes holding one mount are found", "[storage][mount_holders]") {
  const MountTable table = MountTable::parse(kMountInfo);
  FileTree proc;
  process(proc, 100, "db");  // an open file on the mount
  open_file(proc, 100, 3, "/srv/data/db.log", "pos:\t0\nflags:\t02\nmnt_id:\t30\nino:\t12\n");
  process(proc, 101, "shell");  // working directory in the parent of the mount point
  proc.link("101/cwd", "/srv");
  process(proc, 102, "worker");  // working directory on the mount
  proc.link("102/cwd", "/srv/data/dir");
  process(proc, 103, "subuser");  // a file on the sub-mount
  open_file(proc, 103, 4, "/srv/data/sub/file", "mnt_id:\t31\n");
  process(proc, 104, "binduser");  // the same filesystem through the bind mount
  open_file(proc, 104, 5, "/srv/bind/x", "mnt_id:\t34\n");
  process(proc, 105, "mapper");  // a memory-mapped library on the mount
  proc.file("105/maps",
            "55d0-55d1 r--p 00000000 fe:00 77 /usr/bin/app\n"
            "7f00-7f01 r-xp 00000000 07:00 12 /srv/data/lib/lib with space.so\n");
  process(proc, 106, "bindmapper");  // a mapping through the bind mount only
  proc.file("106/maps", "7f00-7f01 r-xp 00000000 07:00 12 /srv/bind/lib.so\n");
  process(proc, 107, "deleted");  // running a deleted executable from the mount
  proc.link("107/exe", "/srv/data/bin/app (deleted)");
  process(proc, 108, "innocent");  // sockets and files elsewhere
  open_file(proc, 108, 0, "socket:[1234]", "mnt_id:\t8\n");
  open_file(proc, 108, 1, "/dev/null", "mnt_id:\t24\n");
  proc.link("108/cwd", "/");
  proc.link("108/root", "/");
  process(proc, 109, "agent");  // the agent itself
  proc.link("109/cwd", "/srv/data");
  process(proc, 110, "oldkernel");  // no mnt_id in fdinfo: fall back to the path
  open_file(proc, 110, 3, "/srv/data/x", "pos:\t0\nflags:\t0\n");
  process(proc, 111, "elsewhere");  // mnt_id wins over a path that merely looks right
  open_file(proc, 111, 3, "/srv/data/x", "mnt_id:\t22\n");
  proc.directory("self");
  proc.file("uptime", "1 1\n");

  const auto holders = find_mount_holders(*table.at("/srv/data"), table, ProcFs{proc.root(), 109});
  std::vector<pid_t> pids;
  for (const auto& holder : holders) pids.push_back(holder.pid);
  CHECK(pids == std::vector<pid_t>{100, 102, 105, 107, 110});

  REQUIRE(holders.size() == 5);
  CHECK(holders[0].command == "db");
  CHECK(holders[0].reason == "fd 3 -> /srv/data/db.log");
  CHECK(holders[1].reason == "cwd /srv/data/dir");
  CHECK(holders[2].reason == "maps /srv/data/lib/lib with space.so");
  CHECK(holders[3].reason == "exe /srv/data/bin/app (deleted)");
}

TEST_CASE("holders of a sub-mount or bind mount are found on that mount",
          "[storage][mount_holders]") {
  const MountTable table = MountTable::parse(kMountInfo);
  FileTree proc;
  process(proc, 200, "subuser");
  open_file(proc, 200, 4, "/srv/data/sub/file", "mnt_id:\t31\n");
  process(proc, 201, "bindmapper");
  proc.file("201/maps", "7f00-7f01 r-xp 00000000 07:00 12 /srv/bind/lib.so\n");

  const auto on_sub = find_mount_holders(*table.at("/srv/data/sub"), table, {proc.root(), 1});
  REQUIRE(on_sub.size() == 1);
  CHECK(on_sub[0].pid == 200);
  const auto on_bind = find_mount_holders(*table.at("/srv/bind"), table, {proc.root(), 1});
  REQUIRE(on_bind.size() == 1);
  CHECK(on_bind[0].pid == 201);
}

TEST_CASE("the real /proc walk sees this process, unless it is the agent itself",
          "[storage][mount_holders]") {
  FileTree scratch;
  scratch.file("held", "x");
  FILE* held = std::fopen(scratch.path("held").c_str(), "r");
  REQUIRE(held != nullptr);
  const MountTable table = MountTable::read();
  const auto* mount = table.containing(scratch.path("held"));
  REQUIRE(mount != nullptr);

  const auto is_me = [](const auto& holder) { return holder.pid == ::getpid(); };
  const auto as_other = find_mount_holders(*mount, table, ProcFs{"/proc", 0});
  CHECK(std::count_if(as_other.begin(), as_other.end(), is_me) == 1);
  const auto as_self = find_mount_holders(*mount, table);
  CHECK(std::count_if(as_self.begin(), as_self.end(), is_me) == 0);
  std::fclose(held);
}
