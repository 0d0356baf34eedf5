// One ICMP or ICMPv6 socket that sends echo requests and receives echo replies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "net/icmp_packet.h"
#include "net/ip_address.h"
#include "util/unique_fd.h"

namespace hakit::net {

enum class SocketKind {
  kAny,       ///< datagram where allowed, else raw
  kDatagram,  ///< unprivileged "ping" socket: needs a group in net.ipv4.ping_group_range
  kRaw,       ///< needs CAP_NET_RAW
};

/// Where requests leave from: ping's `-I` (an interface name or a source address).
struct SourceBinding {
  std::string interface;             ///< SO_BINDTODEVICE; empty: any
  std::optional<IpAddress> address;  ///< bind(); used only by sockets of its family
};

struct ReceivedReply {
  IpAddress from;
  EchoMessage message;
};

class EchoSocket {
 public:
  /// A non-blocking socket of `family` (AF_INET or AF_INET6). Throws ocf::Error(kErrPerm)
  /// when neither kind may be opened, naming both ways to allow it.
  EchoSocket(int family, SocketKind kind = SocketKind::kAny, const SourceBinding& source = {});

  int fd() const { return fd_.get(); }
  int family() const { return family_; }
  bool raw() const { return raw_; }
  /// The identifier replies to us carry: ours on raw sockets; on datagram ones the kernel
  /// replaces it with the socket's and delivers only our replies.
  uint16_t identifier() const { return identifier_; }

  /// Sends one echo request; returns the errno text when the kernel refuses it at once
  /// (no route, for instance), empty on success.
  std::string send(const IpAddress& to, uint16_t sequence, const std::vector<uint8_t>& payload);
  /// The next echo reply with our identifier, or nullopt once nothing more is queued.
  std::optional<ReceivedReply> receive();

 private:
  UniqueFd fd_;
  int family_;
  bool raw_ = false;
  uint16_t identifier_ = 0;
};

}  // namespace hakit::net
