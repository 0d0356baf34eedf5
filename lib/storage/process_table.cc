#include "storage/process_table.h"

#include <unistd.h>

#include "util/procfs.h"
#include "util/strings.h"

namespace hakit::storage {

std::vector<pid_t> pids_named(std::string_view name, const std::string& proc_root) {
  std::vector<pid_t> pids;
  const auto self = static_cast<unsigned>(::getpid());
  for (const unsigned pid : numeric_entries(proc_root)) {
    // The agent itself may bear the daemon's name (ocf:hakit:lvmlockd, ocf:hakit:clvmd).
    if (pid == self) continue;
    const std::string base = cat(proc_root, "/", pid, "/");
    std::string comm, stat;
    if (!read_file(base + "comm", comm) || trim(comm) != name.substr(0, 15)) continue;
    if (read_file(base + "stat", stat) && process_state(stat) == 'Z') continue;
    pids.push_back(static_cast<pid_t>(pid));
  }
  return pids;
}

}  // namespace hakit::storage
