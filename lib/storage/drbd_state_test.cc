#include "storage/drbd_state.h"

#include <catch2/catch.hpp>

#include "storage/drbd_events2.h"
#include "util/captures_for_tests.h"

using hakit::storage::assess;
using hakit::storage::describe;
using hakit::storage::parse_events2;
using hakit::testing::capture;

namespace {

auto captured(const std::string& path) { return parse_events2(capture(path), "r0"); }

}  // namespace

TEST_CASE("a Primary that lost its peer: UpToDate here, peer disk unknown", "[drbd][state]") {
  const auto state = captured("drbd/drbd-8.4.11/guest1/primary-peer-lost.events2");
  const auto assessment = assess(state);
  CHECK(assessment.primary);
  CHECK(assessment.disk_all_up_to_date);
  CHECK(assessment.disk_all_consistent);
  CHECK(assessment.pdsk_any_unknown);
  CHECK_FALSE(assessment.pdsk_all_up_to_date);
  CHECK_FALSE(assessment.some_peer_primary);
  CHECK(describe(state) == "Primary, disk UpToDate, to peer Connecting: peer Unknown DUnknown");
}

TEST_CASE("an Outdated Secondary has no usable data", "[drbd][state]") {
  const auto assessment = assess(captured("drbd/drbd-8.4.11/guest2/secondary-outdated.events2"));
  CHECK_FALSE(assessment.disk_all_up_to_date);
  CHECK_FALSE(assessment.disk_all_consistent);
  CHECK_FALSE(assessment.some_peer_all_up_to_date);
}

TEST_CASE("a Secondary connected to an UpToDate Primary", "[drbd][state]") {
  const auto assessment =
      assess(captured("drbd/drbd-8.4.11/guest1/secondary-peer-primary.events2"));
  CHECK_FALSE(assessment.primary);
  CHECK(assessment.some_peer_primary);
  CHECK(assessment.pdsk_all_up_to_date);
  CHECK(assessment.some_peer_all_up_to_date);
  CHECK_FALSE(assessment.pdsk_any_unknown);
}

TEST_CASE("an unconfigured resource has nothing usable", "[drbd][state]") {
  const auto state = captured("drbd/drbd-8.4.11/guest1/unconfigured.events2");
  const auto assessment = assess(state);
  CHECK_FALSE(assessment.disk_all_up_to_date);
  CHECK_FALSE(assessment.disk_all_consistent);
  CHECK(describe(state) == "not configured in the kernel");
}

TEST_CASE("DRBD 9: a diskless client is judged by its peers", "[drbd][state]") {
  const auto assessment = assess(captured("drbd/drbd-9-composed/diskless-client.events2"));
  CHECK(assessment.diskless_client);
  CHECK(assessment.some_peer_all_up_to_date);
  CHECK_FALSE(assessment.pdsk_all_up_to_date);  // bob is not connected
  CHECK(assessment.pdsk_any_unknown);
  const auto no_quorum = assess(captured("drbd/drbd-9-composed/no-quorum.events2"));
  CHECK_FALSE(no_quorum.have_quorum);
}
