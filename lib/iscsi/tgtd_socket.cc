#include "iscsi/tgtd_socket.h"

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "exec/unix_stream.h"
#include "util/strings.h"

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

}  // namespace

std::string tgtd_socket_path(int control_port) {
  return cat("/var/run/tgtd/socket.", control_port);
}

TgtdAnswer show_targets_over_socket(int control_port, const exec::Deadline& deadline) {
  exec::UnixStream tgtd(tgtd_socket_path(control_port));
  if (!tgtd.connected()) {
    // No socket, or one nobody listens on any more: what tgtadm reports as tgtd not running.
    const int error = tgtd.connect_error();
    if (error == ENOENT || error == ECONNREFUSED) return {Outcome::kNotRunning, ""};
    return {};
  }
  // Out of time at any step is kNoAnswer, never kUnsupported: the caller's fallback, a
  // tgtadm with no time left, could print nothing and exit 0, which reads as "no targets".
  const auto unanswered = [&] {
    return TgtdAnswer{deadline.expired() ? Outcome::kNoAnswer : Outcome::kUnsupported, ""};
  };
  const auto request = show_request();
  if (!tgtd.send_all({request.data(), request.size()}, deadline)) return unanswered();
  uint32_t header[2] = {};
  if (!tgtd.receive_exactly(reinterpret_cast<char*>(header), sizeof header, deadline)) {
    return unanswered();
  }
  const uint32_t error = header[0], length = header[1];
  if (error != 0 || length < kResponseHeaderSize || length > kMaxResponse) return {};
  std::string text(length - kResponseHeaderSize, '\0');
  if (!tgtd.receive_exactly(text.data(), text.size(), deadline)) return unanswered();
  // tgtd ends the text with a NUL; tgtadm prints up to it.
  if (const size_t nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
  return {Outcome::kAnswered, text};
}

}  // namespace hakit::iscsi
