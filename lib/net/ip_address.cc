#include "net/ip_address.h"

#include <netdb.h>

#include <cstring>

namespace hakit::net {

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  if (text.empty()) return std::nullopt;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_flags = AI_NUMERICHOST;  // never a DNS query: names are resolve()'s business
  addrinfo* found = nullptr;
  if (::getaddrinfo(std::string(text).c_str(), nullptr, &hints, &found) != 0) return std::nullopt;
  auto address = from(found->ai_addr, found->ai_addrlen);
  ::freeaddrinfo(found);
  return address;
}

std::optional<IpAddress> IpAddress::from(const sockaddr* address, socklen_t length) {
  const bool known = (address->sa_family == AF_INET && length >= sizeof(sockaddr_in)) ||
                     (address->sa_family == AF_INET6 && length >= sizeof(sockaddr_in6));
  if (!known || length > sizeof(sockaddr_storage)) return std::nullopt;
  IpAddress result;
  std::memcpy(&result.storage_, address, length);
  result.length_ = length;
  return result;
}

std::string IpAddress::text() const {
  char host[NI_MAXHOST] = {};
  if (::getnameinfo(sockaddr_ptr(), length_, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0) {
    return "?";
  }
  return host;
}

}  // namespace hakit::net
