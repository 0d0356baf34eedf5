#include "util/user_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "util/unique_fd.h"

namespace hakit {

std::string rewrite_user_file(const std::string& path, std::string_view contents) {
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) return std::strerror(errno);
  const std::string target = resolved;
  struct stat original {};
  if (::stat(target.c_str(), &original) != 0) return std::strerror(errno);

  const std::string temporary = target + ".hakit-new";
  ::unlink(temporary.c_str());  // left by a crash
  std::string problem;
  errno = 0;
  {
    const UniqueFd fd(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.valid() ||
        ::write(fd.get(), contents.data(), contents.size()) != ssize_t(contents.size()) ||
        ::fchown(fd.get(), original.st_uid, original.st_gid) != 0 ||
        ::fchmod(fd.get(), original.st_mode & 07777) != 0 || ::fsync(fd.get()) != 0) {
      problem = errno != 0 ? std::strerror(errno) : "short write";
    }
  }
  if (problem.empty() && ::rename(temporary.c_str(), target.c_str()) != 0) {
    problem = std::strerror(errno);
  }
  if (!problem.empty()) ::unlink(temporary.c_str());
  return problem;
}

}  // namespace hakit
