#include "net/icmp_packet.h"

#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <sys/socket.h>

#include <catch2/catch.hpp>

using namespace hakit::net;

namespace {

/// What a raw IPv4 socket hands over: a 20-byte IP header, then the ICMP message.
std::vector<uint8_t> with_ip_header(std::vector<uint8_t> icmp) {
  std::vector<uint8_t> packet(20, 0);
  packet[0] = 0x45;  // version 4, header length 5 words
  packet.insert(packet.end(), icmp.begin(), icmp.end());
  return packet;
}

/// Turns a request into the reply a host would send: type changed, checksum redone.
std::vector<uint8_t> as_reply(std::vector<uint8_t> request, int family) {
  request[0] = family == AF_INET6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY;
  request[2] = request[3] = 0;
  if (family == AF_INET) {
    const uint16_t sum = internet_checksum(request);
    request[2] = uint8_t(sum >> 8);
    request[3] = uint8_t(sum & 0xff);
  }
  return request;
}

}  // namespace

TEST_CASE("the Internet checksum follows RFC 1071", "[net][icmp]") {
  // RFC 1071's example words 0001 f203 f4f5 f6f7 sum to ddf2, so the checksum is 220d.
  const std::vector<uint8_t> data = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
  CHECK(internet_checksum(data) == 0x220d);
  const std::vector<uint8_t> odd = {0x01};
  CHECK(internet_checksum(odd) == uint16_t(~0x0100));
}

TEST_CASE("an IPv4 echo request carries id, sequence, payload and a valid checksum",
          "[net][icmp]") {
  const auto packet = build_echo_request(AF_INET, {0x1234, 7, {0xde, 0xad}});
  REQUIRE(packet.size() == 10);
  CHECK(packet[0] == ICMP_ECHO);
  CHECK(packet[1] == 0);
  CHECK(packet[4] == 0x12);
  CHECK(packet[5] == 0x34);
  CHECK(packet[7] == 7);
  CHECK(packet[8] == 0xde);
  CHECK(internet_checksum(packet) == 0);  // a correct checksum sums to zero
}

TEST_CASE("an ICMPv6 echo request leaves the checksum to the kernel", "[net][icmp]") {
  const auto packet = build_echo_request(AF_INET6, {1, 2, {}});
  REQUIRE(packet.size() == 8);
  CHECK(packet[0] == ICMP6_ECHO_REQUEST);
  CHECK(packet[2] == 0);
  CHECK(packet[3] == 0);
}

TEST_CASE("echo replies are parsed with and without an IP header", "[net][icmp]") {
  const EchoMessage sent{0xbeef, 3, {1, 2, 3, 4, 5}};
  const auto reply4 = as_reply(build_echo_request(AF_INET, sent), AF_INET);
  for (const auto& [packet, header] : {std::pair{reply4, false}, {with_ip_header(reply4), true}}) {
    const auto parsed = parse_echo_reply(AF_INET, packet, header);
    REQUIRE(parsed);
    CHECK(parsed->identifier == 0xbeef);
    CHECK(parsed->sequence == 3);
    CHECK(parsed->payload == sent.payload);
  }
  const auto parsed6 =
      parse_echo_reply(AF_INET6, as_reply(build_echo_request(AF_INET6, sent), AF_INET6), false);
  REQUIRE(parsed6);
  CHECK(parsed6->payload == sent.payload);
}

TEST_CASE("anything but a well-formed echo reply is dropped", "[net][icmp]") {
  const auto request = build_echo_request(AF_INET, {1, 1, {9}});
  CHECK_FALSE(parse_echo_reply(AF_INET, request, false));  // our own request, looped back
  auto corrupted = as_reply(request, AF_INET);
  corrupted.back() ^= 0xff;
  CHECK_FALSE(parse_echo_reply(AF_INET, corrupted, false));
  const std::vector<uint8_t> truncated = {ICMP_ECHOREPLY, 0, 0, 0};
  CHECK_FALSE(parse_echo_reply(AF_INET, truncated, false));
  CHECK_FALSE(parse_echo_reply(AF_INET, std::vector<uint8_t>(12, 0x45), true));
  // An ICMPv4 echo reply type is not an ICMPv6 one.
  CHECK_FALSE(parse_echo_reply(AF_INET6, as_reply(request, AF_INET), false));
}
