#include "storage/drbd_minor_cache.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>

#include "ocf/resource_lock.h"
#include "util/strings.h"

namespace hakit::storage {

namespace {

std::string cache_path(std::string resource) {
  std::replace(resource.begin(), resource.end(), '/', '_');  // names may contain '/'
  return cat(ocf::state_directory(), "/hakit-drbd-", resource, ".minors");
}

}  // namespace

std::optional<std::vector<int>> remembered_minors(const std::string& resource) {
  std::string text;
  if (!read_file(cache_path(resource), text)) return std::nullopt;
  std::vector<int> minors;
  for (const auto& word : split(text)) {
    int minor = -1;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), minor);
    if (error != std::errc() || end != word.data() + word.size() || minor < 0) return std::nullopt;
    minors.push_back(minor);
  }
  if (minors.empty()) return std::nullopt;
  return minors;
}

void remember_minors(const std::string& resource, const std::vector<int>& minors) {
  if (remembered_minors(resource) == minors) return;
  const std::string path = cache_path(resource);
  const std::string temporary = path + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (int minor : minors) out << minor << ' ';
    if (!out) return;
  }
  std::rename(temporary.c_str(), path.c_str());  // a reader sees the old list or the new one
}

void forget_minors(const std::string& resource) { std::remove(cache_path(resource).c_str()); }

}  // namespace hakit::storage
