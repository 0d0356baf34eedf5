#include "storage/health_check.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "ocf/error.h"
#include "ocf/failure_for_tests.h"
#include "storage/file_tree_for_tests.h"

using hakit::exec::Deadline;
using hakit::exec::Millis;
using hakit::storage::check_device_readable;
using hakit::storage::check_status_file;
using hakit::storage::remove_status_file;
using hakit::storage::testing::FileTree;

TEST_CASE("the status file is written, read back and removed", "[storage][health_check]") {
  FileTree tree;
  const std::string path = tree.path(".Filesystem_status/fs1_node1");
  check_status_file(path, "fs1\n", Deadline::in(Millis(5000)));
  std::ifstream file(path);
  std::stringstream contents;
  contents << file.rdbuf();
  CHECK(contents.str().size() == 4096);
  CHECK(contents.str().starts_with("fs1\n"));
  CHECK(remove_status_file(path, Deadline::in(Millis(5000))));
  CHECK_FALSE(std::ifstream(path).good());
  CHECK(remove_status_file(path, Deadline::in(Millis(5000))));  // already gone: fine
}

TEST_CASE("an unwritable status file fails the check", "[storage][health_check]") {
  FileTree tree;
  tree.file("blocker", "a file where the status directory should be");
  CHECK_THROWS_AS(
      check_status_file(tree.path("blocker/fs1_node1"), "fs1\n", Deadline::in(Millis(5000))),
      hakit::ocf::Error);
}

TEST_CASE("reading a device skips what is not a block device", "[storage][health_check]") {
  CHECK_FALSE(check_device_readable("/dev/null", Deadline::in(Millis(5000))));
  CHECK_THROWS_AS(check_device_readable("/dev/hakit-missing", Deadline::in(Millis(5000))),
                  hakit::ocf::Error);
}

// The status file is inside the mounted filesystem: a user of it who plants a link must not
// get root to write through it.
TEST_CASE("the status file is never written through a symbolic link", "[storage][health_check]") {
  FileTree tree;
  tree.file("elsewhere/victim", "precious\n");
  tree.directory("mnt");
  tree.link("mnt/.Filesystem_status", tree.path("elsewhere"));
  const auto through_directory = hakit::ocf::failure_of([&] {
    check_status_file(tree.path("mnt/.Filesystem_status/fs1_node1"), "fs1\n",
                      Deadline::in(Millis(5000)));
  });
  CHECK(through_directory.code == hakit::ocf::ExitCode::kErrGeneric);
  CHECK_FALSE(std::ifstream(tree.path("elsewhere/fs1_node1")).good());

  tree.directory("mnt2/.Filesystem_status");
  tree.link("mnt2/.Filesystem_status/fs1_node1", tree.path("elsewhere/victim"));
  const auto through_file = hakit::ocf::failure_of([&] {
    check_status_file(tree.path("mnt2/.Filesystem_status/fs1_node1"), "fs1\n",
                      Deadline::in(Millis(5000)));
  });
  CHECK(through_file.code == hakit::ocf::ExitCode::kErrGeneric);
  std::stringstream victim;
  victim << std::ifstream(tree.path("elsewhere/victim")).rdbuf();
  CHECK(victim.str() == "precious\n");
}
