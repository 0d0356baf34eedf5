#include "storage/drbd_peers.h"

#include <catch2/catch.hpp>

using hakit::ocf::Environment;
using hakit::storage::decide_outdate;
using hakit::storage::notified_peer;
using hakit::storage::OutdateDecision;
using hakit::storage::promoted_peer_from_locate;
using Kind = OutdateDecision::Kind;

namespace {

Environment notify(std::map<std::string, std::string, std::less<>> lists) {
  Environment::Variables vars;
  for (const auto& [name, value] : lists) vars["OCF_RESKEY_CRM_meta_notify_" + name] = value;
  return Environment(vars);
}

}  // namespace

TEST_CASE("the peer is the first other node of the notify lists", "[drbd][peers]") {
  CHECK(notified_peer(notify({{"start_uname", "guest1 guest2"}}), "guest1") == "guest2");
  CHECK(notified_peer(notify({{"start_uname", "GUEST1"}, {"master_uname", "guest2"}}), "guest1") ==
        "guest2");
  CHECK(notified_peer(notify({{"promoted_uname", "guest2"}}), "guest1") == "guest2");
  CHECK_FALSE(notified_peer(notify({{"start_uname", "guest1"}}), "guest1"));
  CHECK_FALSE(notified_peer(notify({}), "guest1"));
}

TEST_CASE("crm_resource --locate names the promoted node", "[drbd][peers]") {
  const char* output =
      "resource r0-clone is running on: guest1 \n"
      "resource r0-clone is running on: guest2 Promoted\n";
  CHECK(promoted_peer_from_locate(output, "guest1") == "guest2");
  CHECK_FALSE(promoted_peer_from_locate(output, "guest2"));
  CHECK(promoted_peer_from_locate("resource ms is running on: b Master\n", "a") == "b");
  CHECK_FALSE(promoted_peer_from_locate("resource ms is NOT running\n", "a"));
}

TEST_CASE("a Secondary outdates itself while another node is Primary", "[drbd][peers]") {
  const auto env = notify({{"master_uname", "guest2"}, {"stop_uname", "guest1"}});
  const auto decision = decide_outdate(env, "guest1", false);
  CHECK(decision.kind == Kind::kOutdate);
  CHECK(decision.primary == "guest2");
  CHECK(decide_outdate(env, "guest1", true).kind == Kind::kSplitBrain);
  // The Primary is the one being stopped: a stale list, nothing to do.
  CHECK(decide_outdate(notify({{"master_uname", "guest2"}, {"stop_uname", "guest2"}}), "guest1",
                       false)
            .kind == Kind::kNothing);
  CHECK(decide_outdate(notify({{"master_uname", "guest1"}}), "guest1", false).kind ==
        Kind::kNothing);
}
