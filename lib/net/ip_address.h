// An IPv4 or IPv6 socket address, as the ICMP sockets send to and receive from.
#pragma once

#include <sys/socket.h>

#include <optional>
#include <string>
#include <string_view>

namespace hakit::net {

class IpAddress {
 public:
  /// A numeric IPv4 ("10.0.0.1") or IPv6 ("fe80::1%eth0") address; nullopt for anything
  /// else, host names included (no lookup happens here).
  static std::optional<IpAddress> parse(std::string_view text);
  /// From a sockaddr of family AF_INET or AF_INET6 (getaddrinfo, recvfrom).
  static std::optional<IpAddress> from(const sockaddr* address, socklen_t length);

  int family() const { return storage_.ss_family; }
  const sockaddr* sockaddr_ptr() const { return reinterpret_cast<const sockaddr*>(&storage_); }
  socklen_t length() const { return length_; }
  /// The numeric form, for log lines: "10.0.0.1", "::1".
  std::string text() const;

 private:
  sockaddr_storage storage_{};
  socklen_t length_ = 0;
};

}  // namespace hakit::net
