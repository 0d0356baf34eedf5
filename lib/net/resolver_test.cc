#include "net/resolver.h"

#include <catch2/catch.hpp>
#include <thread>

using namespace hakit::net;
using hakit::exec::Deadline;
using hakit::exec::Millis;

namespace {

// Stand-ins for DNS, which a unit test must not query.
Resolution unknown_name(const std::string&) { return {std::nullopt, "name lookup failed: x"}; }
Resolution slow_name(const std::string&) {
  std::this_thread::sleep_for(Millis(2000));
  return {IpAddress::parse("127.0.0.9"), ""};
}
Resolution loopback_name(const std::string&) { return {IpAddress::parse("127.0.0.7"), ""}; }

}  // namespace

TEST_CASE("numeric hosts resolve without a lookup, names through getaddrinfo", "[net][resolver]") {
  const auto results =
      resolve(parse_host_list("127.0.0.2 ::1 localhost"), Deadline::in(Millis(10000)));
  REQUIRE(results.size() == 3);
  REQUIRE(results[0].address);
  CHECK(results[0].address->text() == "127.0.0.2");
  CHECK(results[0].address->family() == AF_INET);
  REQUIRE(results[1].address);
  CHECK(results[1].address->family() == AF_INET6);
  REQUIRE(results[2].address);  // from /etc/hosts, no DNS query
  CHECK((results[2].address->text() == "127.0.0.1" || results[2].address->text() == "::1"));
}

TEST_CASE("names are looked up in parallel, a failed one is an error for that host only",
          "[net][resolver]") {
  const auto hosts = parse_host_list("gw1 127.0.0.1 gw2");
  const auto failed = resolve(hosts, Deadline::in(Millis(10000)), unknown_name);
  REQUIRE(failed.size() == 3);
  CHECK_FALSE(failed[0].address);
  CHECK(failed[0].error == "name lookup failed: x");
  CHECK(failed[1].address);
  const auto found = resolve(hosts, Deadline::in(Millis(10000)), loopback_name);
  CHECK(found[0].address->text() == "127.0.0.7");
  CHECK(found[2].address->text() == "127.0.0.7");
}

TEST_CASE("lookups still running at the deadline are abandoned", "[net][resolver]") {
  const auto start = std::chrono::steady_clock::now();
  const auto results =
      resolve(parse_host_list("gw1 gw2 127.0.0.1"), Deadline::in(Millis(200)), slow_name);
  CHECK(std::chrono::steady_clock::now() - start < Millis(1500));
  REQUIRE(results.size() == 3);
  CHECK(results[0].error == "name lookup timed out");
  CHECK(results[1].error == "name lookup timed out");
  CHECK(results[2].address);  // numeric: nothing to wait for
}
