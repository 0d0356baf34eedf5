// Promotion scores for every state the guest runs captured from DRBD 8.4 (two guests: sync,
// Primary/Secondary, link pulled, outdated) and for composed DRBD 9 states.
#include "storage/drbd_promotion_score.h"

#include <catch2/catch.hpp>

#include "storage/drbd_events2.h"
#include "util/captures_for_tests.h"

using hakit::storage::assess;
using hakit::storage::decide_promotion_score;
using hakit::storage::parse_events2;
using hakit::storage::parse_peer_primary_policy;
using hakit::storage::parse_promotion_score_levels;
using hakit::storage::PeerPrimaryPolicy;
using hakit::storage::PromotionScoreDecision;
using hakit::storage::PromotionScoreLevels;
using hakit::testing::capture;
using Kind = PromotionScoreDecision::Kind;

namespace {

PromotionScoreDecision score_of(const std::string& path,
                                PeerPrimaryPolicy policy = PeerPrimaryPolicy::kIgnore,
                                bool pacemaker_knows_the_primary = true) {
  const auto state = assess(parse_events2(capture(path), "r0"));
  const PromotionScoreLevels levels;
  return decide_promotion_score(
      {.state = state,
       .levels = levels,
       .peer_primary_policy = policy,
       .primary_unknown_to_pacemaker = [&] { return !pacemaker_knows_the_primary; }});
}

/// The score, or -1 for "removed" and -2 for "left as it is".
int score(const PromotionScoreDecision& decision) {
  if (decision.kind == Kind::kRemove) return -1;
  if (decision.kind == Kind::kKeep) return -2;
  return decision.score;
}

}  // namespace

TEST_CASE("promotion scores of the captured DRBD 8.4 states", "[drbd][score]") {
  const std::pair<const char*, int> expected[] = {
      {"guest1/wfconnection", -1},            // Inconsistent, peer unknown: no data
      {"guest2/synctarget", -1},              // Inconsistent on both sides
      {"guest1/syncsource", 10000},           // Primary, UpToDate
      {"guest1/primary-connected", 10000},    // Primary, both UpToDate
      {"guest1/primary-peer-lost", 10000},    // Primary keeps its score without the peer
      {"guest2/secondary-peer-lost", 1000},   // UpToDate, peer unknown
      {"guest2/secondary-outdated", -1},      // Outdated: must not be promoted
      {"guest1/secondary-connected", 10000},  // UpToDate, peer known UpToDate
      {"guest1/secondary-peer-primary", 10000},
      {"guest2/primary-peer-secondary", 10000},
      {"guest1/unconfigured", -1},
  };
  for (const auto& [state, value] : expected) {
    INFO(state);
    CHECK(score(score_of(std::string("drbd/drbd-8.4.11/") + state + ".events2")) == value);
  }
}

TEST_CASE("a Primary with everything UpToDate asks for the unfence hook", "[drbd][score]") {
  CHECK(score_of("drbd/drbd-8.4.11/guest1/primary-connected.events2").unfence);
  CHECK_FALSE(score_of("drbd/drbd-8.4.11/guest1/primary-peer-lost.events2").unfence);
  CHECK_FALSE(score_of("drbd/drbd-8.4.11/guest1/secondary-connected.events2").unfence);
}

TEST_CASE("remove_master_score_if_peer_primary removes the score next to a Primary",
          "[drbd][score]") {
  const auto path = "drbd/drbd-8.4.11/guest1/secondary-peer-primary.events2";
  CHECK(score(score_of(path, PeerPrimaryPolicy::kRemove)) == -1);
  // "unexpected": only when Pacemaker does not know that Primary.
  CHECK(score(score_of(path, PeerPrimaryPolicy::kRemoveIfUnexpected, true)) == 10000);
  CHECK(score(score_of(path, PeerPrimaryPolicy::kRemoveIfUnexpected, false)) == -1);
  // Not next to a Primary: no effect.
  CHECK(score(score_of("drbd/drbd-8.4.11/guest1/secondary-connected.events2",
                       PeerPrimaryPolicy::kRemove)) == 10000);
}

TEST_CASE("DRBD 9: quorum, diskless clients and diskless peers", "[drbd][score]") {
  CHECK(score(score_of("drbd/drbd-9-composed/no-quorum.events2")) == -1);
  // A diskless client with one of two peers UpToDate: local_ok - 1.
  CHECK(score(score_of("drbd/drbd-9-composed/diskless-client.events2")) == 999);
  // The diskless peer carol does not count against "all peers UpToDate".
  const auto primary = score_of("drbd/drbd-9-composed/primary-three-nodes.events2");
  CHECK(score(primary) == 10000);
  CHECK(primary.unfence);
}

TEST_CASE("a Secondary whose disk is attaching keeps its score", "[drbd][score]") {
  const auto state =
      assess(parse_events2("exists resource name:r0 role:Secondary suspended:no\n"
                           "exists device name:r0 volume:0 minor:0 disk:Attaching\n"
                           "exists -\n",
                           "r0"));
  const PromotionScoreLevels levels;
  CHECK(decide_promotion_score({.state = state, .levels = levels}).kind == Kind::kKeep);
}

TEST_CASE("Consistent data gets the lowest level, which 0 turns into no score", "[drbd][score]") {
  const auto state = assess(
      parse_events2("exists resource name:r0 role:Secondary suspended:no\n"
                    "exists connection name:r0 connection:Connecting role:Unknown\n"
                    "exists device name:r0 volume:0 minor:0 disk:Consistent\n"
                    "exists peer-device name:r0 volume:0 replication:Off peer-disk:DUnknown\n"
                    "exists -\n",
                    "r0"));
  const PromotionScoreLevels defaults;
  CHECK(decide_promotion_score({.state = state, .levels = defaults}).kind == Kind::kRemove);
  const PromotionScoreLevels custom{5, 10, 1000, 10000};
  const auto decision = decide_promotion_score({.state = state, .levels = custom});
  CHECK(decision.kind == Kind::kSet);
  CHECK(decision.score == 5);
}

TEST_CASE("adjust_master_score is four non-decreasing numbers", "[drbd][score]") {
  const auto levels = parse_promotion_score_levels("1 20  300 4000");
  REQUIRE(levels);
  CHECK(levels->only_consistent == 1);
  CHECK(levels->as_good_as_it_gets == 4000);
  CHECK_FALSE(parse_promotion_score_levels("0 10 1000"));
  CHECK_FALSE(parse_promotion_score_levels("0 10 1000 10000 5"));
  CHECK_FALSE(parse_promotion_score_levels("0 1000 10 10000"));
  CHECK_FALSE(parse_promotion_score_levels("-1 10 1000 10000"));
  CHECK_FALSE(parse_promotion_score_levels("0 10 1e3 10000"));
}

TEST_CASE("remove_master_score_if_peer_primary reads true, false and unexpected", "[drbd][score]") {
  CHECK(parse_peer_primary_policy("unexpected") == PeerPrimaryPolicy::kRemoveIfUnexpected);
  CHECK(parse_peer_primary_policy("yes") == PeerPrimaryPolicy::kRemove);
  CHECK(parse_peer_primary_policy("true") == PeerPrimaryPolicy::kRemove);
  CHECK(parse_peer_primary_policy("false") == PeerPrimaryPolicy::kIgnore);
  CHECK(parse_peer_primary_policy("whatever") == PeerPrimaryPolicy::kIgnore);
}
