#include "storage/health_check.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "ocf/error.h"
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
