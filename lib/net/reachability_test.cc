// Real ICMP, to loopback addresses only (all of 127.0.0.0/8 and ::1 answer).
#include "net/reachability.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include "ocf/failure_for_tests.h"
#include "util/strings.h"

using namespace hakit::net;
using hakit::cat;
using hakit::exec::Deadline;
using hakit::exec::Millis;
using hakit::ocf::ExitCode;
using hakit::ocf::failure_of;

namespace {

std::vector<Resolution> addresses(const std::string& list) {
  std::vector<Resolution> resolved;
  for (const auto& host : parse_host_list(list))
    resolved.push_back({IpAddress::parse(host.text), ""});
  return resolved;
}

/// Whether this process may open `kind` sockets; tests of that kind are skipped otherwise.
bool can_open(SocketKind kind) {
  return failure_of([&] { EchoSocket socket(AF_INET, kind); }).code == ExitCode::kSuccess;
}

}  // namespace

TEST_CASE("loopback hosts answer, IPv4 and IPv6 in one probe", "[net][reachability]") {
  if (!can_open(SocketKind::kAny)) {
    WARN("skipped: neither raw ICMP sockets (root) nor ping sockets (ping_group_range) allowed");
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto results = probe(addresses("127.0.0.1 ::1 127.0.0.2"), {}, Deadline::in(Millis(10000)));
  // Everyone answered in the first round: no waiting for the 2 s timeout.
  CHECK(std::chrono::steady_clock::now() - start < Millis(1000));
  REQUIRE(results.size() == 3);
  for (const auto& result : results) {
    CHECK(result.reachable);
    CHECK(result.problem.empty());
    CHECK(result.round_trip > std::chrono::microseconds(0));
    CHECK(result.round_trip < std::chrono::microseconds(1000000));
  }
}

TEST_CASE("a hundred hosts are pinged at once", "[net][reachability]") {
  if (!can_open(SocketKind::kAny)) {
    WARN("skipped: no ICMP socket allowed");
    return;
  }
  std::string list;
  for (int i = 1; i <= 100; ++i) list += cat("127.0.0.", i, " ");
  const auto start = std::chrono::steady_clock::now();
  const auto results = probe(addresses(list), {}, Deadline::in(Millis(10000)));
  CHECK(std::chrono::steady_clock::now() - start < Millis(1000));
  CHECK(std::count_if(results.begin(), results.end(), [](auto& r) { return r.reachable; }) == 100);
}

TEST_CASE("raw and datagram sockets both work where allowed", "[net][reachability]") {
  for (const auto kind : {SocketKind::kRaw, SocketKind::kDatagram}) {
    const bool raw = kind == SocketKind::kRaw;
    if (!can_open(kind)) {
      WARN("skipped " << (raw ? "raw" : "datagram") << " sockets: not allowed for this process");
      continue;
    }
    CHECK(EchoSocket(AF_INET, kind).raw() == raw);
    ProbeSettings settings;
    settings.socket_kind = kind;
    const auto results = probe(addresses("127.0.0.3 ::1"), settings, Deadline::in(Millis(5000)));
    CHECK(results[0].reachable);
    CHECK(results[1].reachable);
  }
}

TEST_CASE("hosts without an address keep their resolution error", "[net][reachability]") {
  if (!can_open(SocketKind::kAny)) {
    WARN("skipped: no ICMP socket allowed");
    return;
  }
  const std::vector<Resolution> hosts = {{std::nullopt, "name lookup timed out"},
                                         {IpAddress::parse("127.0.0.1"), ""}};
  const auto results = probe(hosts, {}, Deadline::in(Millis(5000)));
  CHECK_FALSE(results[0].reachable);
  CHECK(results[0].problem == "name lookup timed out");
  CHECK(results[1].reachable);
}

TEST_CASE("a probe without time left sends nothing and reports no reply", "[net][reachability]") {
  if (!can_open(SocketKind::kAny)) {
    WARN("skipped: no ICMP socket allowed");
    return;
  }
  const auto results = probe(addresses("127.0.0.1"), {}, Deadline::in(Millis(0)));
  CHECK_FALSE(results[0].reachable);
  CHECK(results[0].problem == "no reply to 0 echo requests");
}

TEST_CASE("binding to a missing interface is a configuration error", "[net][reachability]") {
  if (::geteuid() != 0) {
    WARN("skipped: SO_BINDTODEVICE needs root");
    return;
  }
  ProbeSettings settings;
  settings.source.interface = "hakit-nosuch0";
  const auto failure =
      failure_of([&] { probe(addresses("127.0.0.1"), settings, Deadline::in(Millis(1000))); });
  CHECK(failure.code == ExitCode::kErrConfigured);
  CHECK_THAT(failure.reason, Catch::Contains("hakit-nosuch0"));
}
