#include "virt/connection.h"

#include <libvirt/virterror.h>
#include <csignal>

#include <atomic>
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

// The event loop thread, stopped before the process exits: left running, it would poll
// libvirt's state while exit() tears it down.
std::atomic<bool> loop_stopping{false};
int loop_wakeup_timer = -1;
std::thread* loop_thread = nullptr;

void stop_event_loop() {
  loop_stopping = true;
  virEventUpdateTimeout(loop_wakeup_timer, 0);  // fires at once: the loop returns and sees the flag
  loop_thread->join();
}

/// libvirt prints every error on stderr by default and writes to its sockets with write()
/// (a daemon that went away would kill the agent with SIGPIPE instead of failing the call,
/// as libvirt's documentation warns): both set up once per process, before the first
/// connection. Children get SIGPIPE back (exec::run). A static's initializer rather than
/// std::call_once: the first libvirt call loads libvirt and may throw (not installed), and an
/// exception must not unwind through pthread_once's C frames.
void initialize_libvirt() {
  [[maybe_unused]] static const bool initialized = [] {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, nullptr);
    virSetErrorFunc(nullptr, ignore_libvirt_error);
    virInitialize();
    return true;
  }();
}

/// Keepalive needs a running event loop (without one, a call to a stopped libvirtd was seen
/// blocking for minutes), registered before the connection opens so that it watches the
/// connection's socket too.
void start_event_loop() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (virEventRegisterDefaultImpl() < 0) return;
    loop_wakeup_timer = virEventAddTimeout(
        -1, [](int, void*) {}, nullptr, nullptr);
    if (loop_wakeup_timer < 0) return;  // no way to stop the loop: no keepalive either
    loop_thread = new std::thread([] {
      while (!loop_stopping) virEventRunDefaultImpl();
    });
    std::atexit(stop_event_loop);
  });
}

std::string shown(const std::string& uri) { return uri.empty() ? "the default hypervisor" : uri; }

}  // namespace

std::string last_libvirt_error() {
  const char* message = virGetLastErrorMessage();
  return message ? message : "";
}

Connection Connection::open_unguarded(const std::string& uri) {
  initialize_libvirt();
  virConnectPtr conn = virConnectOpen(uri.empty() ? nullptr : uri.c_str());
  if (!conn) throw Unreachable(cat("cannot connect to ", shown(uri), ": ", last_libvirt_error()));
  return Connection(conn);
}

Unreachable Connection::no_answer(const std::string& uri, exec::Millis budget) {
  return Unreachable(cat("cannot connect to ", shown(uri), ": no answer within ",
                         budget.count() / 1000.0, " s (libvirtd hung?)"));
}

Connection Connection::open(const std::string& uri, const exec::Deadline& deadline,
                            exec::Millis budget) {
  initialize_libvirt();
  start_event_loop();
  auto opened = bounded_call([uri] { return open_unguarded(uri); }, deadline.capped(budget));
  if (!opened) throw no_answer(uri, budget);
  if (virConnectSetKeepAlive(opened->get(), kKeepaliveInterval, kKeepaliveCount) < 0) {
    ocf::log_debug(cat("no keepalive on ", shown(uri), ": ", last_libvirt_error()));
  }
  return std::move(*opened);
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
