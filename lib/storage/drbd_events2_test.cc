#include "storage/drbd_events2.h"

#include <catch2/catch.hpp>

#include "util/captures_for_tests.h"

using hakit::storage::DrbdResourceState;
using hakit::storage::parse_events2;
using hakit::testing::capture;

namespace {

DrbdResourceState captured(const std::string& path, const char* resource = "r0") {
  return parse_events2(capture(path), resource);
}

}  // namespace

TEST_CASE("events2 of an unconfigured or downed 8.4 resource lists nothing", "[drbd][events2]") {
  for (const char* path :
       {"drbd/drbd-8.4.11/guest1/unconfigured.events2", "drbd/drbd-8.4.11/guest1/down.events2"}) {
    const auto state = captured(path);
    CHECK_FALSE(state.configured());
    CHECK(state.role == "Unconfigured");
    CHECK(state.volumes.empty());
    CHECK(state.peers.empty());
  }
}

TEST_CASE("events2 of DRBD 8.4 waiting for its peer", "[drbd][events2]") {
  const auto state = captured("drbd/drbd-8.4.11/guest1/wfconnection.events2");
  CHECK(state.configured());
  CHECK_FALSE(state.primary());
  REQUIRE(state.volumes.size() == 1);
  CHECK(state.volumes[0].disk == "Inconsistent");
  CHECK(state.volumes[0].quorum);
  CHECK_FALSE(state.volumes[0].client);
  REQUIRE(state.peers.size() == 1);
  CHECK(state.peers[0].connection == "Connecting");
  CHECK(state.peers[0].role == "Unknown");
  REQUIRE(state.peers[0].volumes.size() == 1);
  CHECK(state.peers[0].volumes[0].peer_disk == "DUnknown");
  CHECK(state.peers[0].volumes[0].replication == "Off");
}

TEST_CASE("events2 of a DRBD 8.4 Primary syncing to its peer", "[drbd][events2]") {
  const auto state = captured("drbd/drbd-8.4.11/guest1/syncsource.events2");
  CHECK(state.primary());
  REQUIRE(state.peers.size() == 1);
  CHECK(state.peers[0].connection == "Connected");
  CHECK(state.peers[0].role == "Secondary");
  CHECK(state.peers[0].volumes.at(0).replication == "SyncSource");
  CHECK(state.peers[0].volumes.at(0).peer_disk == "Inconsistent");
}

TEST_CASE("events2 of a DRBD 8.4 Secondary connected to a Primary", "[drbd][events2]") {
  const auto state = captured("drbd/drbd-8.4.11/guest1/secondary-peer-primary.events2");
  CHECK(state.role == "Secondary");
  CHECK(state.volumes.at(0).disk == "UpToDate");
  CHECK(state.peers.at(0).role == "Primary");
  CHECK(state.peers.at(0).volumes.at(0).peer_disk == "UpToDate");
}

TEST_CASE("events2 of DRBD 9 with three nodes keeps peers and resources apart", "[drbd][events2]") {
  const auto path = "drbd/drbd-9-composed/primary-three-nodes.events2";
  const auto state = captured(path);
  CHECK(state.primary());
  REQUIRE(state.peers.size() == 2);
  CHECK(state.peers[0].name == "bob");
  CHECK(state.peers[1].name == "carol");
  CHECK(state.peers[1].volumes.at(0).peer_client);
  CHECK(state.peers[1].volumes.at(0).peer_disk == "Diskless");
  REQUIRE(state.volumes.size() == 1);  // r1's device is not r0's

  const auto other = captured(path, "r1");
  CHECK(other.role == "Secondary");
  CHECK(other.peers.empty());
  CHECK(other.volumes.at(0).disk == "Inconsistent");
  CHECK_FALSE(captured(path, "r2").configured());
}

TEST_CASE("events2 of DRBD 9 reads client and quorum flags", "[drbd][events2]") {
  const auto client = captured("drbd/drbd-9-composed/diskless-client.events2");
  CHECK(client.volumes.at(0).client);
  CHECK(client.volumes.at(0).disk == "Diskless");
  const auto no_quorum = captured("drbd/drbd-9-composed/no-quorum.events2");
  REQUIRE(no_quorum.volumes.size() == 2);
  CHECK_FALSE(no_quorum.volumes[1].quorum);
  CHECK(no_quorum.volumes[1].volume == 1);
  REQUIRE(no_quorum.peers.size() == 2);
  CHECK(no_quorum.peers[1].volumes.size() == 2);
}

TEST_CASE("events2 ignores change lines after the initial dump and garbage", "[drbd][events2]") {
  const auto state = parse_events2(
      "garbage\n"
      "exists resource name:r0 role:Secondary suspended:no\n"
      "exists device name:r0 volume:0 minor:0 disk:UpToDate\n"
      "exists -\n"
      "change resource name:r0 role:Primary\n",
      "r0");
  CHECK(state.role == "Secondary");
  CHECK(state.volumes.size() == 1);
}
