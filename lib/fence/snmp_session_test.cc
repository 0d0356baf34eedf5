// The session's bounds, against a UDP socket on 127.0.0.1 that never answers (the agent's
// behaviour for a wrong community, a lost network or a hung PDU). Real exchanges are tested
// against snmpd in tests/integration/fence_rackpdu_test.cc.
#include "fence/snmp_session.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "util/unique_fd.h"

using namespace hakit;
using namespace hakit::fence;
using namespace std::chrono_literals;

namespace {

/// A bound UDP socket nobody reads: requests to it are never answered.
struct SilentPeer {
  UniqueFd fd{::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)};
  int port = 0;
  SilentPeer() {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port = ntohs(address.sin_port);
  }
};

snmp::SessionConfig config_for(const SilentPeer& peer) {
  snmp::SessionConfig config;
  config.peer = "udp:127.0.0.1:" + std::to_string(peer.port);
  config.community = "s3cret-community";
  return config;
}

/// Runs `request`, which must fail with `kind`; returns how long it took.
template <typename Request>
exec::Millis failure_time(ErrorKind kind, Request request, std::string& message) {
  const auto started = exec::Clock::now();
  try {
    request();
    FAIL("no error");
  } catch (const Error& error) {
    CHECK(error.kind() == kind);
    message = error.what();
  }
  return std::chrono::duration_cast<exec::Millis>(exec::Clock::now() - started);
}

}  // namespace

TEST_CASE(
    "an unanswered request fails after request_timeout, naming the peer and not the "
    "community",
    "[fence][snmp]") {
  const SilentPeer peer;
  snmp::SessionConfig config = config_for(peer);
  config.request_timeout = 1200ms;
  snmp::Session session(config, exec::Deadline::in(30s));
  std::string message;
  const exec::Millis took = failure_time(
      ErrorKind::kUnreachable,
      [&] {
        session.get({{1, 3, 6, 1, 2, 1, 1, 2, 0}}, exec::Deadline::in(30s));
      },
      message);
  CHECK(took >= 1100ms);
  CHECK(took < 2500ms);
  CHECK(message.find(config.peer) != std::string::npos);
  CHECK(message.find("community") != std::string::npos);
  CHECK(message.find("s3cret") == std::string::npos);
}

TEST_CASE("the action's deadline cuts a request short, and an expired one sends nothing",
          "[fence][snmp]") {
  const SilentPeer peer;
  snmp::Session session(config_for(peer), exec::Deadline::in(30s));
  std::string message;
  const exec::Millis took = failure_time(
      ErrorKind::kUnreachable,
      [&] {
        session.set({{{1, 3, 6, 1, 4, 1, 318, 1}, 2}}, exec::Deadline::in(400ms));
      },
      message);
  CHECK(took < 1500ms);
  const exec::Millis expired = failure_time(
      ErrorKind::kTimeout,
      [&] {
        session.walk({1, 3, 6, 1}, exec::Deadline::in(-1ms));
      },
      message);
  CHECK(expired < 100ms);
}

TEST_CASE("SNMP v3: engine discovery is bounded too, and short passwords are refused",
          "[fence][snmp]") {
  const SilentPeer peer;
  snmp::SessionConfig config = config_for(peer);
  config.version = snmp::Version::kV3;
  config.username = "pdu";
  config.level = snmp::SecurityLevel::kAuthNoPriv;
  config.auth_password = "short";
  std::string message;
  failure_time(
      ErrorKind::kBadConfig, [&] { snmp::Session(config, exec::Deadline::in(5s)); }, message);
  CHECK(message.find("at least 8 characters") != std::string::npos);

  config.auth_password = "long enough";
  config.request_timeout = 800ms;
  const exec::Millis took = failure_time(
      ErrorKind::kUnreachable,
      [&] {
        const exec::Deadline deadline = exec::Deadline::in(30s);
        snmp::Session(config, deadline).get({{1, 3, 6, 1, 2, 1, 1, 2, 0}}, deadline);
      },
      message);
  CHECK(took < 2s);
}

TEST_CASE("describe names the version and the v3 security level", "[fence][snmp]") {
  snmp::SessionConfig config;
  config.version = snmp::Version::kV2c;
  CHECK(snmp::describe(config) == "SNMP v2c");
  config.version = snmp::Version::kV3;
  config.level = snmp::SecurityLevel::kAuthPriv;
  CHECK(snmp::describe(config) == "SNMP v3 (authPriv)");
}
