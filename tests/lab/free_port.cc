#include "free_port.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <stdexcept>

#include "util/unique_fd.h"

namespace hakit::lab {

namespace {

sockaddr_in ipv4(const std::string& address, int port) {
  sockaddr_in where{};
  where.sin_family = AF_INET;
  where.sin_port = htons(uint16_t(port));
  if (inet_pton(AF_INET, address.c_str(), &where.sin_addr) != 1) {
    throw std::invalid_argument("not an IPv4 address: " + address);
  }
  return where;
}

}  // namespace

int free_port(const std::string& address, int socket_type) {
  const UniqueFd fd(socket(AF_INET, socket_type | SOCK_CLOEXEC, 0));
  sockaddr_in where = ipv4(address, 0);
  socklen_t length = sizeof where;
  if (bind(fd.get(), reinterpret_cast<const sockaddr*>(&where), sizeof where) != 0 ||
      getsockname(fd.get(), reinterpret_cast<sockaddr*>(&where), &length) != 0) {
    throw std::runtime_error("no free port on " + address);
  }
  return ntohs(where.sin_port);
}

bool accepts_connections(const std::string& address, int port) {
  const UniqueFd fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  const sockaddr_in where = ipv4(address, port);
  return connect(fd.get(), reinterpret_cast<const sockaddr*>(&where), sizeof where) == 0;
}

bool port_in_use(const std::string& address, int port, int socket_type) {
  const UniqueFd fd(socket(AF_INET, socket_type | SOCK_CLOEXEC, 0));
  const sockaddr_in where = ipv4(address, port);
  return bind(fd.get(), reinterpret_cast<const sockaddr*>(&where), sizeof where) != 0 &&
         errno == EADDRINUSE;
}

}  // namespace hakit::lab
