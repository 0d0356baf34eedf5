#include "storage/process_table.h"

#include <dirent.h>
#include <unistd.h>

#include <cctype>
#include <memory>

#include "util/strings.h"

namespace hakit::storage {
namespace {

bool is_pid(const char* name) {
  if (*name == '\0') return false;
  for (const char* c = name; *c != '\0'; ++c) {
    if (!std::isdigit(static_cast<unsigned char>(*c))) return false;
  }
  return true;
}

/// The state letter of /proc/PID/stat, after the parenthesised command name.
char state_of(const std::string& stat) {
  const size_t close = stat.rfind(')');
  return close != std::string::npos && close + 2 < stat.size() ? stat[close + 2] : '?';
}

}  // namespace

std::vector<pid_t> pids_named(std::string_view name, const std::string& proc_root) {
  std::vector<pid_t> pids;
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(proc_root.c_str()), ::closedir);
  if (!dir) return pids;
  const std::string self = std::to_string(::getpid());
  while (const dirent* entry = ::readdir(dir.get())) {
    // The agent itself may bear the daemon's name (ocf:hakit:lvmlockd, ocf:hakit:clvmd).
    if (!is_pid(entry->d_name) || entry->d_name == self) continue;
    const std::string base = cat(proc_root, "/", entry->d_name, "/");
    std::string comm, stat;
    if (!read_file(base + "comm", comm) || trim(comm) != name.substr(0, 15)) continue;
    if (read_file(base + "stat", stat) && state_of(stat) == 'Z') continue;
    pids.push_back(static_cast<pid_t>(std::stol(entry->d_name)));
  }
  return pids;
}

}  // namespace hakit::storage
