#include "storage/mount_holders.h"

#include <unistd.h>
#include <climits>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "util/procfs.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

constexpr std::string_view kDeletedSuffix = " (deleted)";

std::optional<std::string> read_link(const std::string& path) {
  char target[PATH_MAX];
  const ssize_t length = ::readlink(path.c_str(), target, sizeof target);
  if (length <= 0) return std::nullopt;
  return std::string(target, size_t(length));
}

std::optional<unsigned> parse_unsigned(std::string_view text, int base = 10) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

/// The "mnt_id:" field of /proc/PID/fdinfo/N (Linux 3.15+).
std::optional<int> fdinfo_mount_id(const std::string& path) {
  std::string fdinfo;
  if (!read_file(path, fdinfo)) return std::nullopt;
  for (const std::string& line : split(fdinfo, "\n")) {
    if (!line.starts_with("mnt_id:")) continue;
    const auto id = parse_unsigned(trim(std::string_view(line).substr(7)));
    if (id) return int(*id);
  }
  return std::nullopt;
}

class HolderSearch {
 public:
  HolderSearch(const MountEntry& mount, const MountTable& table) : mount_(mount), table_(table) {}

  /// Why the process in `pid_dir` holds the mount, or nullopt when it does not.
  std::optional<std::string> why(const std::string& pid_dir) const {
    for (const char* link : {"root", "cwd", "exe"}) {
      const auto target = read_link(pid_dir + "/" + link);
      if (target && on_mount(*target)) return cat(link, " ", *target);
    }
    if (auto fd = open_file(pid_dir)) return fd;
    return mapping(pid_dir);
  }

 private:
  bool on_mount(std::string_view path) const {
    if (path.ends_with(kDeletedSuffix)) path.remove_suffix(kDeletedSuffix.size());
    const MountEntry* owner = table_.containing(path);
    return owner != nullptr && owner->id == mount_.id;
  }

  std::optional<std::string> open_file(const std::string& pid_dir) const {
    for (const unsigned fd : numeric_entries(pid_dir + "/fd")) {
      const auto target = read_link(cat(pid_dir, "/fd/", fd));
      if (!target || !target->starts_with('/')) continue;  // sockets, pipes, anon inodes
      const auto mount_id = fdinfo_mount_id(cat(pid_dir, "/fdinfo/", fd));
      const bool held = mount_id ? *mount_id == mount_.id : on_mount(*target);
      if (held) return cat("fd ", fd, " -> ", *target);
    }
    return std::nullopt;
  }

  // "7f1c0a000000-7f1c0a021000 r--p 00000000 07:00 12 /srv/data/lib.so"
  std::optional<std::string> mapping(const std::string& pid_dir) const {
    std::string maps;
    if (!read_file(pid_dir + "/maps", maps)) return std::nullopt;
    const std::string device = device_field();
    for (const std::string& line : split(maps, "\n")) {
      const std::vector<std::string> fields = split(line);
      if (fields.size() < 6 || fields[3] != device) continue;
      const auto path_start = line.find('/');
      if (path_start == std::string::npos) continue;
      const std::string_view path = std::string_view(line).substr(path_start);
      if (on_mount(path)) return cat("maps ", path);
    }
    return std::nullopt;
  }

  /// The mount's device as maps writes it: "07:00", "fd:01", "103:02".
  std::string device_field() const {
    char text[32];
    std::snprintf(text, sizeof text, "%02x:%02x", mount_.major, mount_.minor);
    return text;
  }

  const MountEntry& mount_;
  const MountTable& table_;
};

}  // namespace

std::vector<MountHolder> find_mount_holders(const MountEntry& mount, const MountTable& table,
                                            const ProcFs& proc) {
  const HolderSearch search(mount, table);
  std::vector<unsigned> pids = numeric_entries(proc.root);
  std::sort(pids.begin(), pids.end());
  std::vector<MountHolder> holders;
  for (const unsigned pid : pids) {
    if (pid_t(pid) == proc.self) continue;
    const std::string pid_dir = cat(proc.root, "/", pid);
    if (auto reason = search.why(pid_dir)) {
      std::string command;
      read_file(pid_dir + "/comm", command);
      holders.push_back({pid_t(pid), std::string(trim(command)), std::move(*reason)});
    }
  }
  return holders;
}

}  // namespace hakit::storage
