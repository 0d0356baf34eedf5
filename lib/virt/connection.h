// A libvirt connection that can never hang an agent: the open is bounded (it runs on
// a helper thread that is abandoned when it does not answer in time), and the open
// connection is kept alive, so a libvirtd that dies or hangs mid-call fails the call
// within seconds instead of blocking it.
#pragma once

#include <libvirt/libvirt.h>

#include <memory>
#include <string>

#include "exec/deadline.h"

namespace hakit::virt {

/// libvirt's message for the last error of this thread ("" when none).
std::string last_libvirt_error();

/// The hypervisor could not be reached (daemon down, hung, socket missing) or refused
/// the connection. What an action does about it is the action's decision.
class Unreachable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Connection {
 public:
  /// Opens `uri` ("" for libvirt's default URI) within `budget` and the deadline.
  /// Throws Unreachable.
  static Connection open(const std::string& uri, const exec::Deadline& deadline,
                         exec::Millis budget = exec::Millis(10000));
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;

  virConnectPtr get() const { return conn_; }
  /// The URI libvirt actually connected to (for `virsh uri`-like defaults).
  std::string uri() const;

 private:
  explicit Connection(virConnectPtr conn) : conn_(conn) {}
  virConnectPtr conn_;
};

}  // namespace hakit::virt
