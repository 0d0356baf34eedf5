#include "net/echo_socket.h"

#include <linux/icmp.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::net {
namespace {

constexpr size_t kMaxPacket = 65536;

int protocol_of(int family) { return family == AF_INET6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP; }

UniqueFd open_socket(int family, int type) {
  return UniqueFd(::socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol_of(family)));
}

/// A raw socket sees every ICMP message the host receives: let the kernel drop all but
/// echo replies before they reach us.
void filter_echo_replies(int fd, int family) {
  if (family == AF_INET6) {
    icmp6_filter filter{};
    ICMP6_FILTER_SETBLOCKALL(&filter);
    ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &filter);
    ::setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filter, sizeof filter);
  } else {
    icmp_filter filter{~(1U << ICMP_ECHOREPLY)};  // a set bit blocks that type
    ::setsockopt(fd, SOL_RAW, ICMP_FILTER, &filter, sizeof filter);
  }
}

uint16_t random_identifier() {
  uint16_t value = 0;
  if (::getrandom(&value, sizeof value, 0) != sizeof value) value = uint16_t(::getpid());
  return value;
}

IpAddress wildcard(int family) { return *IpAddress::parse(family == AF_INET6 ? "::" : "0.0.0.0"); }

void bind_source(int fd, int family, bool raw, const SourceBinding& source) {
  if (!source.interface.empty() &&
      ::setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, source.interface.c_str(),
                   socklen_t(source.interface.size())) != 0) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     cat("cannot send pings through interface ", source.interface, ": ",
                         std::strerror(errno), " (check -I in options)"));
  }
  const bool own_family = source.address && source.address->family() == family;
  // A datagram socket is always bound: binding picks its identifier (its "port").
  if (!own_family && raw) return;
  const IpAddress address = own_family ? *source.address : wildcard(family);
  if (::bind(fd, address.sockaddr_ptr(), address.length()) != 0) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     cat("cannot send pings from ", address.text(), ": ", std::strerror(errno),
                         " (check -I in options)"));
  }
}

/// The identifier the kernel chose for a bound datagram socket.
uint16_t bound_identifier(int fd, int family) {
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  return family == AF_INET6 ? ntohs(reinterpret_cast<const sockaddr_in6*>(&bound)->sin6_port)
                            : ntohs(reinterpret_cast<const sockaddr_in*>(&bound)->sin_port);
}

}  // namespace

EchoSocket::EchoSocket(int family, SocketKind kind, const SourceBinding& source) : family_(family) {
  if (kind != SocketKind::kRaw) fd_ = open_socket(family, SOCK_DGRAM);
  if (!fd_.valid() && kind != SocketKind::kDatagram) {
    fd_ = open_socket(family, SOCK_RAW);
    raw_ = fd_.valid();
  }
  if (!fd_.valid()) {
    throw ocf::Error(ocf::ExitCode::kErrPerm,
                     cat("cannot open an ", family == AF_INET6 ? "ICMPv6" : "ICMP",
                         " socket: ", std::strerror(errno),
                         " (run as root, or allow this group in net.ipv4.ping_group_range)"));
  }
  bind_source(fd_.get(), family, raw_, source);
  if (raw_) {
    filter_echo_replies(fd_.get(), family);
    identifier_ = random_identifier();
  } else {
    identifier_ = bound_identifier(fd_.get(), family);
  }
}

std::string EchoSocket::send(const IpAddress& to, uint16_t sequence,
                             const std::vector<uint8_t>& payload) {
  const auto packet = build_echo_request(family_, {identifier_, sequence, payload});
  const ssize_t sent =
      ::sendto(fd_.get(), packet.data(), packet.size(), 0, to.sockaddr_ptr(), to.length());
  return sent == ssize_t(packet.size()) ? "" : std::strerror(errno);
}

std::optional<ReceivedReply> EchoSocket::receive() {
  // recvfrom fills it and only the `size` bytes it wrote are read: zeroing 64 KiB per
  // reply would be pure cost.
  std::array<uint8_t, kMaxPacket> buffer;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  for (;;) {
    sockaddr_storage from{};
    socklen_t from_length = sizeof from;
    const ssize_t size = ::recvfrom(fd_.get(), buffer.data(), buffer.size(), 0,
                                    reinterpret_cast<sockaddr*>(&from), &from_length);
    if (size < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;  // EAGAIN: drained (or a queued ICMP error, which we ignore)
    }
    const bool ip_header = raw_ && family_ == AF_INET;
    auto message = parse_echo_reply(family_, {buffer.data(), size_t(size)}, ip_header);
    auto address = IpAddress::from(reinterpret_cast<const sockaddr*>(&from), from_length);
    if (message && address && message->identifier == identifier_) {
      return ReceivedReply{*address, std::move(*message)};
    }
  }
}

}  // namespace hakit::net
