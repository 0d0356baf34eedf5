#include "util/state_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/unique_fd.h"

namespace hakit {

bool read_state_file(const std::string& path, std::string& contents) {
  const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd.valid()) return false;
  contents.clear();
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fd.get(), buffer, sizeof buffer)) > 0) contents.append(buffer, size_t(n));
  return n == 0;
}

std::string write_state_file(const std::string& path, std::string_view contents) {
  const std::string temporary = path + ".new";
  ::unlink(temporary.c_str());  // left by a crash; unlink(2) does not follow a link either
  std::string problem;
  errno = 0;
  {
    const UniqueFd fd(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.valid() ||
        ::write(fd.get(), contents.data(), contents.size()) != ssize_t(contents.size())) {
      problem = errno != 0 ? std::strerror(errno) : "short write";
    }
  }
  if (problem.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) {
    problem = std::strerror(errno);
  }
  if (!problem.empty()) ::unlink(temporary.c_str());
  return problem;
}

bool remove_state_file(const std::string& path) {
  return ::unlink(path.c_str()) == 0 || errno == ENOENT;
}

}  // namespace hakit
