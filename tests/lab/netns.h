// A ping target that a test can take off the network and bring back (LAB.md §8): a
// network namespace of its own, joined to this one by a veth pair. Its addresses,
// 10.250.N.2 and fd00:250:N::2, exist only on this machine, so pinging them sends
// nothing out of it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "lab_record.h"

namespace hakit::lab {

class NetnsPeer {
 public:
  /// Creates namespace hakit-netN and veth pair hkNh (here, 10.250.N.1/24,
  /// fd00:250:N::1/64) / hkNp (inside, .2), for the first N in 100..249 that no address,
  /// link or namespace uses yet; both ends up and answering. Throws on failure, leaving
  /// nothing behind.
  NetnsPeer();
  /// Takes over the peer recorded as `record_name` by a crashed test (cleanup).
  static NetnsPeer adopt(const std::string& record_name);
  /// Deletes the veth pair and the namespace.
  ~NetnsPeer();
  NetnsPeer(const NetnsPeer&) = delete;
  NetnsPeer& operator=(const NetnsPeer&) = delete;

  std::string ipv4() const;  ///< the peer's IPv4 address, "10.250.N.2"
  std::string ipv6() const;  ///< the peer's IPv6 address, "fd00:250:N::2"
  std::string namespace_name() const;

  /// Takes the peer's link down: it stops answering (the host side loses its carrier).
  void disconnect() const;
  /// Brings it back with its addresses (IPv6 ones go with the link).
  void connect() const;

  /// Whether `record_name` is the name of a NetnsPeer's record.
  static bool is_record(const std::string& record_name);

 private:
  NetnsPeer(int subnet, Record record);
  void remove() noexcept;
  int subnet_ = 0;
  std::optional<Record> record_;
};

/// Runs `work` on a thread of its own inside the network namespace /run/netns/`name` (here
/// when `name` is empty) and rethrows what it throws: the sockets it opens stay in that
/// namespace (a probe of a peer that listens there).
void in_network_namespace(const std::string& name, const std::function<void()>& work);

}  // namespace hakit::lab
