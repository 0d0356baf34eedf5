#include "temp_dir.h"

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <vector>

namespace hakit::lab {

TempDir::TempDir(const std::string& tag) {
  std::string pattern = "/tmp/hakit-" + tag + "-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (!mkdtemp(buffer.data())) throw std::system_error(errno, std::generic_category(), pattern);
  path_ = buffer.data();
  // mkdtemp makes it 0700; agents run parts of their work as `nobody`.
  if (chmod(path_.c_str(), 0755) != 0) {
    const int error = errno;
    std::filesystem::remove(path_);
    throw std::system_error(error, std::generic_category(), "chmod " + path_);
  }
}

TempDir::~TempDir() {
  std::error_code error;
  std::filesystem::remove_all(path_, error);
  if (error) std::cerr << "hakit-lab: cannot remove " << path_ << ": " << error.message() << "\n";
}

}  // namespace hakit::lab
