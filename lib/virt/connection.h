// A libvirt connection that can never hang an agent: the open is bounded (it runs on
// a helper thread that is abandoned when it does not answer in time), and the open
// connection is kept alive, so a libvirtd that dies or hangs mid-call fails the call
// within seconds instead of blocking it. A one-shot query (the monitor's) is bounded as a
// whole instead, which spares the event loop thread keepalive needs.
#pragma once

#include <libvirt/libvirt.h>

#include <memory>
#include <string>

#include "exec/deadline.h"
#include "virt/bounded_call.h"

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
  /// Runs `query(connection)` on a connection of its own to `uri`, the open and the calls
  /// together bounded by `budget` and the deadline, and returns its result. No keepalive,
  /// so no event loop thread: under load, that thread's start and its join at exit cost a
  /// monitor more wall time than all its calls. Throws Unreachable, and what `query` throws.
  template <typename Query>
  static auto query(const std::string& uri, const exec::Deadline& deadline, exec::Millis budget,
                    Query query) {
    auto result =
        bounded_call([uri, query = std::move(query)] { return query(open_unguarded(uri)); },
                     deadline.capped(budget));
    if (!result) throw no_answer(uri, budget);
    return std::move(*result);
  }
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;

  virConnectPtr get() const { return conn_; }
  /// The URI libvirt actually connected to (for `virsh uri`-like defaults).
  std::string uri() const;

 private:
  explicit Connection(virConnectPtr conn) : conn_(conn) {}
  /// Opens `uri`, waiting as long as libvirt does, without keepalive. Throws Unreachable.
  static Connection open_unguarded(const std::string& uri);
  static Unreachable no_answer(const std::string& uri, exec::Millis budget);
  virConnectPtr conn_;
};

}  // namespace hakit::virt
