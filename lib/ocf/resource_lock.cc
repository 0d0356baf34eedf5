#include "ocf/resource_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::ocf {
namespace {

constexpr exec::Millis kRetryInterval{50};

std::string sanitized(std::string_view name) {
  std::string safe(name);
  for (char& c : safe) {
    if (c == '/' || c == ':') c = '_';  // clone instances look like "fs:1"
  }
  return safe;
}

}  // namespace

std::string state_directory() {
  const char* dir = std::getenv("HA_RSCTMP");
  return dir != nullptr && *dir != '\0' ? dir : "/run/resource-agents";
}

int lock_file(const std::string& path, const exec::Deadline& deadline, std::string_view holder) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return -1;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      ::close(fd);
      return -1;
    }
    if (deadline.remaining() <= kRetryInterval) {
      ::close(fd);
      throw Error(ExitCode::kErrGeneric,
                  cat("another operation on ", holder, " still holds ", path));
    }
    exec::sleep_for(kRetryInterval);
  }
  return fd;
}

ResourceLock::ResourceLock(const std::string& agent, const std::string& instance,
                           const exec::Deadline& deadline) {
  const std::string dir = state_directory();
  ::mkdir(dir.c_str(), 0755);
  const std::string path = cat(dir, "/hakit-", sanitized(agent), "-", sanitized(instance), ".lock");
  fd_ = lock_file(path, deadline, instance);
  if (fd_ < 0) log_debug(cat("cannot lock ", path, ", running unlocked"));
}

ResourceLock::~ResourceLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace hakit::ocf
