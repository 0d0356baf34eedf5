#include "util/procfs.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "util/scratch_dir_for_tests.h"

using namespace hakit;

TEST_CASE("numeric_entries lists only the entries named by a decimal number", "[util][procfs]") {
  const ScratchDir proc("hakit-procfs-test");
  for (const char* name : {"1", "4242", "self", "12a", "-3", "+7"}) {
    std::filesystem::create_directory(proc.path() / name);
  }
  std::ofstream(proc.path() / "99") << "a file counts too\n";
  std::vector<unsigned> pids = numeric_entries(proc.path());
  std::sort(pids.begin(), pids.end());
  CHECK(pids == std::vector<unsigned>{1, 99, 4242});
  CHECK(numeric_entries(proc.path() / "missing").empty());
}

TEST_CASE("process_state reads the letter after the last parenthesis", "[util][procfs]") {
  // Captured from pacemaker-attrd 2.1.5 on this machine, then with a name holding ") R (".
  CHECK(process_state("12074 (pacemaker-attrd) S 12066 12074 12074 0 -1 4194560") == 'S');
  CHECK(process_state("77 (odd) R (name) Z 1 77 77 0 -1") == 'Z');
  CHECK(process_state("12 (truncated)") == '?');
  CHECK(process_state("") == '?');
}
