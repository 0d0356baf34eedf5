#include "iscsi/tgtd_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::iscsi {
namespace {

using Outcome = TgtdAnswer::Outcome;

// struct tgtadm_req of tgt 1.0.x (usr/tgtadm.h), as tgtadm sends it for
// "--lld iscsi --mode target --op show": mode, op, lld[64], len, tid, sid, lun, cid,
// host_no, device_type, ac_dir, pack, force; native byte order (a local socket).
constexpr uint32_t kModeTarget = 1;
constexpr uint32_t kOpShow = 2;
constexpr size_t kLldLength = 64;
constexpr size_t kRequestSize = 120;
constexpr size_t kResponseHeaderSize = 8;  // struct tgtadm_rsp: err, len (header included)
constexpr size_t kMaxResponse = 16 << 20;

template <typename Value>
void put(std::array<char, kRequestSize>& buffer, size_t offset, Value value) {
  std::memcpy(buffer.data() + offset, &value, sizeof value);
}

std::array<char, kRequestSize> show_request() {
  std::array<char, kRequestSize> request{};
  put(request, 0, kModeTarget);
  put(request, 4, kOpShow);
  std::memcpy(request.data() + 8, "iscsi", 5);
  put(request, 8 + kLldLength, uint32_t(kRequestSize));
  put(request, 76, int32_t(-1));   // tid: all targets
  put(request, 88, ~uint64_t(0));  // lun: none
  return request;
}

/// Waits until `fd` is ready for `events` or the deadline passes.
bool wait_for(int fd, short events, const exec::Deadline& deadline) {
  pollfd entry{fd, events, 0};
  for (;;) {
    const auto left = deadline.remaining().count();
    if (left <= 0) return false;
    const int ready = ::poll(&entry, 1, int(std::min<long long>(left, 60000)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

bool receive(int fd, char* data, size_t size, const exec::Deadline& deadline) {
  while (size > 0) {
    if (!wait_for(fd, POLLIN, deadline)) return false;
    const ssize_t got = ::recv(fd, data, size, MSG_DONTWAIT);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) return false;
    if (got > 0) {
      data += got;
      size -= size_t(got);
    }
  }
  return true;
}

}  // namespace

std::string tgtd_socket_path(int control_port) {
  return cat("/var/run/tgtd/socket.", control_port);
}

TgtdAnswer show_targets_over_socket(int control_port, const exec::Deadline& deadline) {
  const UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!fd.valid()) return {};
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string path = tgtd_socket_path(control_port);
  if (path.size() >= sizeof address.sun_path) return {};
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    // No socket, or one nobody listens on any more: what tgtadm reports as tgtd not running.
    if (errno == ENOENT || errno == ECONNREFUSED) return {Outcome::kNotRunning, ""};
    return {};
  }
  const auto request = show_request();
  if (!wait_for(fd.get(), POLLOUT, deadline) ||
      ::send(fd.get(), request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size())) {
    return {};
  }
  uint32_t header[2] = {};
  if (!receive(fd.get(), reinterpret_cast<char*>(header), sizeof header, deadline)) {
    return {deadline.expired() ? Outcome::kNoAnswer : Outcome::kUnsupported, ""};
  }
  const uint32_t error = header[0], length = header[1];
  if (error != 0 || length < kResponseHeaderSize || length > kMaxResponse) return {};
  std::string text(length - kResponseHeaderSize, '\0');
  if (!receive(fd.get(), text.data(), text.size(), deadline)) {
    return {deadline.expired() ? Outcome::kNoAnswer : Outcome::kUnsupported, ""};
  }
  // tgtd ends the text with a NUL; tgtadm prints up to it.
  if (const size_t nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
  return {Outcome::kAnswered, text};
}

}  // namespace hakit::iscsi
