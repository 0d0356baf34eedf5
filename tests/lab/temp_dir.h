// A scratch directory for one test, removed (recursively) when the object dies.
#pragma once

#include <string>

namespace hakit::lab {

class TempDir {
 public:
  /// Creates /tmp/hakit-<tag>-XXXXXX, mode 0755 so that `nobody` can traverse it.
  explicit TempDir(const std::string& tag);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace hakit::lab
