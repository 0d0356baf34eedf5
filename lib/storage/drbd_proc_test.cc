#include "storage/drbd_proc.h"

#include <catch2/catch.hpp>

#include "storage/drbd_events2.h"
#include "storage/drbd_promotion_score.h"
#include "util/captures_for_tests.h"

using hakit::storage::assess;
using hakit::storage::describe;
using hakit::storage::parse_events2;
using hakit::storage::parse_proc_drbd;
using hakit::testing::capture;

namespace {

const std::vector<int> kMinor0 = {0};

}  // namespace

TEST_CASE("/proc/drbd and events2, captured together, tell the same state", "[drbd][proc]") {
  // Every state of the two-guest capture: what monitor reads without a process must lead to
  // the conclusions drbdsetup's output leads to.
  for (const char* state :
       {"guest1/wfconnection", "guest1/syncsource", "guest1/primary-connected",
        "guest1/primary-peer-lost", "guest1/secondary-connected", "guest1/secondary-peer-primary",
        "guest2/synctarget", "guest2/secondary-peer-lost", "guest2/secondary-outdated",
        "guest2/primary-peer-secondary"}) {
    INFO(state);
    const std::string base = std::string("drbd/drbd-8.4.11/") + state;
    const auto from_proc = parse_proc_drbd(capture(base + ".proc_drbd"), kMinor0);
    REQUIRE(from_proc);
    const auto from_events2 = parse_events2(capture(base + ".events2"), "r0");
    CHECK(from_proc->role == from_events2.role);
    CHECK(describe(*from_proc) == describe(from_events2));
    const auto a = assess(*from_proc);
    const auto b = assess(from_events2);
    CHECK(a.primary == b.primary);
    CHECK(a.some_peer_primary == b.some_peer_primary);
    CHECK(a.disk_all_up_to_date == b.disk_all_up_to_date);
    CHECK(a.disk_all_consistent == b.disk_all_consistent);
    CHECK(a.pdsk_all_up_to_date == b.pdsk_all_up_to_date);
    CHECK(a.pdsk_any_unknown == b.pdsk_any_unknown);
  }
}

TEST_CASE("/proc/drbd without the resource's minor is no answer", "[drbd][proc]") {
  CHECK_FALSE(parse_proc_drbd(capture("drbd/drbd-8.4.11/guest1/unconfigured.proc_drbd"), kMinor0));
  CHECK_FALSE(parse_proc_drbd(capture("drbd/drbd-8.4.11/guest1/primary-connected.proc_drbd"), {1}));
  CHECK_FALSE(parse_proc_drbd(capture("drbd/drbd-8.4.11/guest1/primary-connected.proc_drbd"), {}));
  CHECK_FALSE(
      parse_proc_drbd("version: 8.4.11 (api:1/proto:86-101)\n 0: cs:Unconfigured\n", kMinor0));
  CHECK_FALSE(parse_proc_drbd("version: 9.2.0 (api:2/proto:86-122)\n", kMinor0));
}

TEST_CASE("/proc/drbd with two volumes: the worst connection state counts", "[drbd][proc]") {
  const auto state = parse_proc_drbd(
      "version: 8.4.11 (api:1/proto:86-101)\n"
      " 3: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----\n"
      "    ns:0 nr:0 dw:0 dr:0 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:65496\n"
      " 4: cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----\n",
      {3, 4});
  REQUIRE(state);
  CHECK(state->primary());
  REQUIRE(state->volumes.size() == 2);
  CHECK(state->volumes[1].minor == 4);
  CHECK(state->peers.at(0).connection == "StandAlone");
  CHECK(assess(*state).pdsk_any_unknown);
}
