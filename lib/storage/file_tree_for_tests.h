// Unit-test helper: builds small fabricated directory trees (a fake /proc, symbolic
// links around a mount point) in a scratch directory that is removed afterwards.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace hakit::storage::testing {

class FileTree {
 public:
  FileTree() {
    char pattern[] = "/tmp/hakit-storage-test-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
  }
  ~FileTree() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  FileTree(const FileTree&) = delete;
  FileTree& operator=(const FileTree&) = delete;

  const std::string& root() const { return root_; }
  std::string path(const std::string& relative) const { return root_ + "/" + relative; }

  void directory(const std::string& relative) const {
    std::filesystem::create_directories(path(relative));
  }
  void file(const std::string& relative, const std::string& contents) const {
    std::filesystem::create_directories(std::filesystem::path(path(relative)).parent_path());
    std::ofstream(path(relative)) << contents;
  }
  /// A symbolic link at `relative` pointing at `target` (which need not exist).
  void link(const std::string& relative, const std::string& target) const {
    std::filesystem::create_directories(std::filesystem::path(path(relative)).parent_path());
    std::filesystem::create_symlink(target, path(relative));
  }

 private:
  std::string root_;
};

}  // namespace hakit::storage::testing
