#include "exec/unix_stream.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace hakit::exec {
namespace {

/// Waits until `fd` is ready for `events` or the deadline passes.
bool wait_for(int fd, short events, const Deadline& deadline) {
  pollfd entry{fd, events, 0};
  for (;;) {
    const auto left = deadline.remaining().count();
    if (left <= 0) return false;
    const int ready = ::poll(&entry, 1, int(std::min<long long>(left, 60000)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

}  // namespace

UnixStream::UnixStream(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) {
    connect_error_ = ENAMETOOLONG;
    return;
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!fd.valid() ||
      ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    connect_error_ = errno;
    return;
  }
  fd_ = std::move(fd);
}

bool UnixStream::send_all(std::string_view data, const Deadline& deadline) {
  while (!data.empty()) {
    if (!wait_for(fd_.get(), POLLOUT, deadline)) return false;
    const ssize_t sent = ::send(fd_.get(), data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent < 0 && errno != EAGAIN && errno != EINTR) return false;
    if (sent > 0) data.remove_prefix(size_t(sent));
  }
  return true;
}

bool UnixStream::receive_exactly(char* data, size_t size, const Deadline& deadline) {
  while (size > 0) {
    if (!wait_for(fd_.get(), POLLIN, deadline)) return false;
    const ssize_t got = ::recv(fd_.get(), data, size, MSG_DONTWAIT);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) return false;
    if (got > 0) {
      data += got;
      size -= size_t(got);
    }
  }
  return true;
}

}  // namespace hakit::exec
