// pingd's ICMP/ICMPv6 echo reply decoder: packets from the network, raw IPv4 (with the IP
// header) and datagram sockets (without).
#include <sys/socket.h>

#include <span>

#include "net/icmp_packet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int family = data[0] & 1 ? AF_INET6 : AF_INET;
  const bool has_ip_header = data[0] & 2;
  const std::span<const uint8_t> packet(data + 1, size - 1);
  if (const auto reply = hakit::net::parse_echo_reply(family, packet, has_ip_header)) {
    hakit::net::build_echo_request(family, *reply);
  }
  hakit::net::internet_checksum(packet);
  return 0;
}
