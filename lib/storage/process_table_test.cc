#include "storage/process_table.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "storage/file_tree_for_tests.h"
#include "util/strings.h"

using hakit::storage::is_running;
using hakit::storage::pids_named;
using hakit::storage::testing::FileTree;

TEST_CASE("daemons are found by their command name, zombies excepted", "[storage][process_table]") {
  FileTree proc;
  proc.file("101/comm", "dlm_controld\n");
  proc.file("101/stat", "101 (dlm_controld) S 1 101\n");
  proc.file("102/comm", "dlm_controld\n");
  proc.file("102/stat", "102 (dlm_controld) Z 1 102\n");
  proc.file("103/comm", "lvmlockd\n");
  proc.file("self/comm", "dlm_controld\n");
  CHECK(pids_named("dlm_controld", proc.root()) == std::vector<pid_t>{101});
  CHECK(is_running("lvmlockd", proc.root()));
  CHECK_FALSE(is_running("clvmd", proc.root()));
}

TEST_CASE("the caller is not its own daemon, its parent is found", "[storage][process_table]") {
  std::string comm;
  REQUIRE(hakit::read_file("/proc/self/comm", comm));
  const auto pids = pids_named(std::string(hakit::trim(comm)));
  CHECK(std::find(pids.begin(), pids.end(), ::getpid()) == pids.end());
  REQUIRE(hakit::read_file("/proc/" + std::to_string(::getppid()) + "/comm", comm));
  const auto parents = pids_named(std::string(hakit::trim(comm)));
  CHECK(std::find(parents.begin(), parents.end(), ::getppid()) != parents.end());
}
