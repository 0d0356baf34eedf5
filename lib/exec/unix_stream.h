// A connection to a local daemon's control socket (tgtd, libvirtd) whose every send and
// receive ends by a deadline: a daemon that accepted the connection and then hangs costs the
// caller its deadline, never more.
#pragma once

#include <string>
#include <string_view>

#include "exec/deadline.h"
#include "util/unique_fd.h"

namespace hakit::exec {

class UnixStream {
 public:
  /// Connects to the stream socket at `path` (a local connect does not block).
  explicit UnixStream(const std::string& path);

  bool connected() const { return fd_.valid(); }
  /// errno of the failed connect: ENOENT or ECONNREFUSED when no daemon listens there.
  int connect_error() const { return connect_error_; }

  /// Sends all of `data`. False when the peer went away or the deadline passed.
  bool send_all(std::string_view data, const Deadline& deadline);
  /// Receives exactly `size` bytes into `data`. False on end of stream, an error or the
  /// deadline (deadline.expired() tells which).
  bool receive_exactly(char* data, size_t size, const Deadline& deadline);

 private:
  UniqueFd fd_;
  int connect_error_ = 0;
};

}  // namespace hakit::exec
