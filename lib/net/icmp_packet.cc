#include "net/icmp_packet.h"

#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <sys/socket.h>

#include <algorithm>

namespace hakit::net {
namespace {

// type, code, checksum (2 bytes), identifier (2), sequence (2): the same for both families.
constexpr size_t kHeaderSize = 8;
constexpr size_t kMinIpv4HeaderSize = 20;

uint8_t request_type(int family) { return family == AF_INET6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO; }
uint8_t reply_type(int family) { return family == AF_INET6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY; }

void put16(std::vector<uint8_t>& out, size_t at, uint16_t value) {
  out[at] = uint8_t(value >> 8);
  out[at + 1] = uint8_t(value & 0xff);
}

uint16_t get16(std::span<const uint8_t> in, size_t at) {
  return uint16_t(in[at] << 8 | in[at + 1]);
}

}  // namespace

uint16_t internet_checksum(std::span<const uint8_t> data) {
  uint32_t sum = 0;
  for (size_t i = 0; i + 1 < data.size(); i += 2) sum += uint32_t(data[i] << 8 | data[i + 1]);
  if (data.size() % 2 != 0) sum += uint32_t(data.back() << 8);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return uint16_t(~sum);
}

std::vector<uint8_t> build_echo_request(int family, const EchoMessage& message) {
  // Sized once and copied into: g++ 12 misreports vector::insert here at -O2 (-Warray-bounds).
  std::vector<uint8_t> packet(kHeaderSize + message.payload.size());
  packet[0] = request_type(family);
  put16(packet, 4, message.identifier);
  put16(packet, 6, message.sequence);
  std::copy(message.payload.begin(), message.payload.end(), packet.begin() + kHeaderSize);
  if (family == AF_INET) put16(packet, 2, internet_checksum(packet));
  return packet;
}

std::optional<EchoMessage> parse_echo_reply(int family, std::span<const uint8_t> packet,
                                            bool has_ip_header) {
  if (has_ip_header) {
    if (packet.size() < kMinIpv4HeaderSize) return std::nullopt;
    const size_t ip_header_size = size_t(packet[0] & 0x0f) * 4;
    if (ip_header_size < kMinIpv4HeaderSize || packet.size() < ip_header_size) return std::nullopt;
    packet = packet.subspan(ip_header_size);
  }
  if (packet.size() < kHeaderSize || packet[0] != reply_type(family) || packet[1] != 0) {
    return std::nullopt;
  }
  if (family == AF_INET && internet_checksum(packet) != 0) return std::nullopt;
  return EchoMessage{get16(packet, 4), get16(packet, 6),
                     std::vector<uint8_t>(packet.begin() + kHeaderSize, packet.end())};
}

}  // namespace hakit::net
