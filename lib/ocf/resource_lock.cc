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

ResourceLock::ResourceLock(const std::string& agent, const std::string& instance,
                           const exec::Deadline& deadline) {
  const std::string dir = state_directory();
  ::mkdir(dir.c_str(), 0755);
  const std::string path = cat(dir, "/hakit-", sanitized(agent), "-", sanitized(instance), ".lock");
  // HA_RSCTMP may be shared: never follow a link planted at the lock's name.
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    log_debug(cat("cannot open lock file ", path, ", running unlocked"));
    return;
  }
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      log_debug(cat("cannot lock ", path, ", running unlocked"));
      ::close(fd_);
      fd_ = -1;
      return;
    }
    if (deadline.remaining() <= kRetryInterval) {
      ::close(fd_);
      fd_ = -1;
      throw Error(ExitCode::kErrGeneric,
                  cat("another operation on ", instance, " still holds ", path));
    }
    exec::sleep_for(kRetryInterval);
  }
}

ResourceLock::~ResourceLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace hakit::ocf
