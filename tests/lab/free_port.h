// Ports for the lab's peers: each test's daemon gets one nothing else uses.
#pragma once

#include <string>

namespace hakit::lab {

/// A port on the IPv4 `address` that no socket of `socket_type` (SOCK_DGRAM, SOCK_STREAM)
/// is bound to right now.
int free_port(const std::string& address, int socket_type);

/// Whether a TCP connection to `address`:`port` is accepted (a daemon is ready there).
bool accepts_connections(const std::string& address, int port);

/// Whether a socket of `socket_type` is bound to `address`:`port` (a daemon listens there).
bool port_in_use(const std::string& address, int port, int socket_type);

}  // namespace hakit::lab
