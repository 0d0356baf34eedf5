#include "storage/mount_point.h"

#include <sys/stat.h>
#include <unistd.h>
#include <climits>
#include <cstdlib>

#include <filesystem>
#include <memory>

namespace hakit::storage {
namespace {

constexpr int kMaxSymlinks = 8;

/// realpath(3) of `path`, or `path` unchanged when it does not exist (yet).
std::string real_or_same(const std::string& path) {
  std::unique_ptr<char, decltype(&::free)> real(::realpath(path.c_str(), nullptr), &::free);
  return real ? std::string(real.get()) : path;
}

}  // namespace

std::string normal_path(std::string_view path) {
  std::string normal = std::filesystem::path(path).lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

std::string resolve_mount_point(std::string_view directory, const MountTable& table) {
  std::string path = normal_path(directory);
  for (int hop = 0; hop < kMaxSymlinks && path != "/"; ++hop) {
    const std::filesystem::path as_path(path);
    const std::string parent = real_or_same(as_path.parent_path().string());
    path = normal_path(parent + "/" + as_path.filename().string());
    if (table.at(path) != nullptr) return path;

    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return path;
    char target[PATH_MAX];
    const ssize_t length = ::readlink(path.c_str(), target, sizeof target - 1);
    if (length <= 0) return path;
    const std::string link(target, size_t(length));
    path = normal_path(link.starts_with('/') ? link : parent + "/" + link);
  }
  return path;
}

}  // namespace hakit::storage
