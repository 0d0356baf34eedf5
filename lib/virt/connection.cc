#include "virt/connection.h"

#include <libvirt/virterror.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <utility>

#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::virt {
namespace {

// Keepalive: a peer that stops answering for interval * (count + 1) seconds is dropped.
constexpr int kKeepaliveInterval = 1;
constexpr unsigned kKeepaliveCount = 3;

void ignore_libvirt_error(void*, virErrorPtr) {}

/// libvirt prints every error on stderr by default, and keepalive needs an event loop:
/// both are set up once per process, before the first connection.
void initialize_libvirt() {
  static std::once_flag once;
  std::call_once(once, [] {
    virSetErrorFunc(nullptr, ignore_libvirt_error);
    if (virInitialize() < 0 || virEventRegisterDefaultImpl() < 0) return;
    std::thread([] {
      for (;;) virEventRunDefaultImpl();
    }).detach();
  });
}

/// What the opening thread hands over; shared so that an abandoned open can finish
/// (and close its connection) after the caller has given up on it.
struct PendingOpen {
  std::mutex mutex;
  std::condition_variable done_cv;
  bool done = false;
  bool abandoned = false;
  virConnectPtr conn = nullptr;
  std::string error;
};

}  // namespace

std::string last_libvirt_error() {
  const char* message = virGetLastErrorMessage();
  return message ? message : "";
}

Connection Connection::open(const std::string& uri, const exec::Deadline& deadline,
                            exec::Millis budget) {
  initialize_libvirt();
  const std::string shown = uri.empty() ? "the default hypervisor" : uri;
  auto pending = std::make_shared<PendingOpen>();
  std::thread([pending, uri] {
    virConnectPtr conn = virConnectOpen(uri.empty() ? nullptr : uri.c_str());
    const std::string error = conn ? "" : last_libvirt_error();
    const std::lock_guard lock(pending->mutex);
    if (pending->abandoned) {
      if (conn) virConnectClose(conn);
    } else {
      pending->conn = conn;
      pending->error = error;
    }
    pending->done = true;
    pending->done_cv.notify_all();
  }).detach();

  std::unique_lock lock(pending->mutex);
  const exec::Deadline limit = deadline.capped(budget);
  if (!pending->done_cv.wait_until(lock, limit.when(), [&] { return pending->done; })) {
    pending->abandoned = true;
    throw Unreachable(cat("cannot connect to ", shown, ": no answer within ",
                          budget.count() / 1000.0, " s (libvirtd hung?)"));
  }
  if (!pending->conn) throw Unreachable(cat("cannot connect to ", shown, ": ", pending->error));
  Connection connection(pending->conn);
  if (virConnectSetKeepAlive(connection.get(), kKeepaliveInterval, kKeepaliveCount) < 0) {
    ocf::log_debug(cat("no keepalive on ", shown, ": ", last_libvirt_error()));
  }
  return connection;
}

Connection::~Connection() {
  if (conn_) virConnectClose(conn_);
}

Connection::Connection(Connection&& other) noexcept : conn_(std::exchange(other.conn_, nullptr)) {}

std::string Connection::uri() const {
  char* uri = virConnectGetURI(conn_);
  if (!uri) return "";
  std::string result(uri);
  std::free(uri);
  return result;
}

}  // namespace hakit::virt
