#include "ocf/attrd_instance.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "util/scratch_dir_for_tests.h"
#include "util/strings.h"

using hakit::ocf::attrd_still_running;
using hakit::ocf::parse_proc_stat;
using hakit::ocf::ProcessRun;
using hakit::ocf::running_attrd;

namespace {

// /proc/PID/stat of the lab cluster's pacemaker-attrd (Pacemaker 2.1.5, Debian 12) and of
// a cat, captured on this machine.
constexpr std::string_view kAttrdStat =
    "12074 (pacemaker-attrd) S 12066 12074 12074 0 -1 4194560 1197 0 1 0 0 1 0 0 20 0 1 0 "
    "1284965 70590464 3196 18446744073709551615 94870742523904 94870742555721 "
    "140727362588912 0 0 0 0 0 18960 1 0 0 17 1 0 0 0 0 0 94870742575424 94870742577344 "
    "94870854418432 140727362590893 140727362590928 140727362590928 140727362592725 0\n";
constexpr std::string_view kCatStat =
    "10047 (cat) R 10031 10031 12999 0 -1 4194304 100 0 0 0 0 0 0 0 20 0 1 0 1275666 3133440 "
    "412 18446744073709551615 93937444958208 93937444978089 140736433151728 0 0 0 0 0 0 0 0 0 "
    "17 0 0 0 0 0 0 93937444994096 93937444995712 93937809571840 140736433154697 "
    "140736433154717 140736433154717 140736433156075 0\n";

std::string with_state(std::string_view stat, char state) {
  std::string changed(stat);
  changed[changed.find(") S ") + 2] = state;
  return changed;
}

/// A /proc of captured stat files, keyed by pid.
struct FakeProc {
  hakit::ScratchDir scratch{"hakit-attrd-proc-test"};
  std::filesystem::path root = scratch.path();
  FakeProc() { std::filesystem::create_directories(root / "self"); }
  void put(pid_t pid, std::string_view stat) const {
    std::filesystem::create_directories(root / hakit::cat(pid));
    std::ofstream(root / hakit::cat(pid) / "stat") << stat;
  }
  void remove(pid_t pid) const { std::filesystem::remove_all(root / hakit::cat(pid)); }
};

}  // namespace

TEST_CASE("a pacemaker-attrd is known by its pid and start time from /proc/PID/stat",
          "[ocf][attrd]") {
  CHECK(parse_proc_stat(kAttrdStat, "pacemaker-attrd") == ProcessRun{12074, 1284965});
  CHECK(parse_proc_stat(kCatStat, "cat") == ProcessRun{10047, 1275666});
  CHECK_FALSE(parse_proc_stat(kCatStat, "pacemaker-attrd"));
  CHECK_FALSE(parse_proc_stat(kAttrdStat, "pacemaker"));  // the whole name, not a prefix
  // A zombie (dead, its parent has not reaped it yet) holds no attributes.
  CHECK_FALSE(parse_proc_stat(with_state(kAttrdStat, 'Z'), "pacemaker-attrd"));
  CHECK(parse_proc_stat(with_state(kAttrdStat, 'R'), "pacemaker-attrd"));
  // The name may hold spaces and parentheses: the fields count from the last ')'.
  CHECK(parse_proc_stat("7 (a) b) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 99 0", "a) b") ==
        ProcessRun{7, 99});
  CHECK_FALSE(parse_proc_stat("7 (a) b) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0", "a) b"));
  CHECK_FALSE(parse_proc_stat("", "pacemaker-attrd"));
  CHECK_FALSE(parse_proc_stat("x (pacemaker-attrd) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 99",
                              "pacemaker-attrd"));
  CHECK_FALSE(parse_proc_stat("7 (pacemaker-attrd) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 9x",
                              "pacemaker-attrd"));
}

TEST_CASE("the running attrd is found in /proc, and a restart tells it apart", "[ocf][attrd]") {
  const FakeProc proc;
  CHECK_FALSE(running_attrd(proc.root));  // none here: a pacemaker_remote node
  proc.put(10047, kCatStat);
  proc.put(12074, kAttrdStat);
  const auto attrd = running_attrd(proc.root);
  REQUIRE(attrd == ProcessRun{12074, 1284965});
  CHECK(attrd_still_running(*attrd, proc.root));
  CHECK_FALSE(attrd_still_running({12074, 1284964}, proc.root));  // the pid, reused
  CHECK_FALSE(attrd_still_running({10047, 1275666}, proc.root));  // not an attrd

  proc.put(12074, with_state(kAttrdStat, 'Z'));  // killed: pacemakerd has not reaped it yet
  CHECK_FALSE(attrd_still_running(*attrd, proc.root));
  CHECK_FALSE(running_attrd(proc.root));
  proc.remove(12074);
  CHECK_FALSE(attrd_still_running(*attrd, proc.root));
}
