#include "net/connectivity.h"

#include <catch2/catch.hpp>
#include <climits>

using namespace hakit::net;

namespace {

HostReachability up() { return {true, std::chrono::microseconds(80), ""}; }
HostReachability down(std::string problem) { return {false, {}, std::move(problem)}; }

}  // namespace

TEST_CASE("the score is reachable hosts times the multiplier", "[net][score]") {
  CHECK(connectivity_score(0, 100) == 0);
  CHECK(connectivity_score(1, 100) == 100);
  CHECK(connectivity_score(2, 100) == 200);
  CHECK(connectivity_score(3, 1) == 3);
  CHECK(connectivity_score(2, -5) == -10);  // ping allows a negative multiplier, so do we
  CHECK(connectivity_score(100, 1000000) == 100000000);
}

TEST_CASE("a multiplier that could overflow the score is caught", "[net][score]") {
  CHECK(score_fits(100, 1000000));
  CHECK(score_fits(1, LLONG_MAX));
  CHECK_FALSE(score_fits(2, LLONG_MAX));
  CHECK_FALSE(score_fits(3, LLONG_MIN / 2));
}

TEST_CASE("failure_score fails only a score below it, and only when set", "[net][score]") {
  CHECK_FALSE(below_failure_score(0, std::nullopt));
  CHECK(below_failure_score(99, 100));
  CHECK_FALSE(below_failure_score(100, 100));
  CHECK_FALSE(below_failure_score(200, 100));
}

TEST_CASE("connectivity counts the hosts that answered and says why the others did not",
          "[net][score]") {
  const auto hosts = parse_host_list("10.0.0.1 gw 10.0.0.3");
  const auto connectivity = Connectivity::of(
      hosts, {up(), down("name lookup timed out"), down("no reply to 3 echo requests")});
  CHECK(connectivity.hosts == 3);
  CHECK(connectivity.reachable == 1);
  CHECK(connectivity_score(connectivity.reachable, 100) == 100);
  CHECK(connectivity.unreachable_names() == std::vector<std::string>{"gw", "10.0.0.3"});
  CHECK(connectivity.describe_unreachable() ==
        "gw (name lookup timed out), 10.0.0.3 (no reply to 3 echo requests)");

  const auto all_up = Connectivity::of(hosts, {up(), up(), up()});
  CHECK(all_up.reachable == 3);
  CHECK(all_up.describe_unreachable().empty());
}
