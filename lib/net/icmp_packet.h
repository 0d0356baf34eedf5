// ICMP and ICMPv6 echo messages, built and parsed without touching a socket.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace hakit::net {

struct EchoMessage {
  uint16_t identifier = 0;
  uint16_t sequence = 0;
  std::vector<uint8_t> payload;
};

/// An echo request (ICMP type 8 for AF_INET, ICMPv6 type 128 for AF_INET6). The IPv4
/// checksum is filled in; ICMPv6's depends on the addresses and is the kernel's job.
std::vector<uint8_t> build_echo_request(int family, const EchoMessage& message);

/// The echo reply in `packet`, or nullopt for anything else (another ICMP type, a
/// truncated packet, a bad IPv4 checksum). `has_ip_header`: raw IPv4 sockets deliver the
/// IP header too; ICMPv6 and datagram sockets do not.
std::optional<EchoMessage> parse_echo_reply(int family, std::span<const uint8_t> packet,
                                            bool has_ip_header);

/// The Internet checksum (RFC 1071) of `data`.
uint16_t internet_checksum(std::span<const uint8_t> data);

}  // namespace hakit::net
