#include "ocf/attrd_instance.h"

#include <charconv>

#include "util/procfs.h"
#include "util/strings.h"

namespace hakit::ocf {
namespace {

constexpr std::string_view kAttrdCommand = "pacemaker-attrd";

std::optional<ProcessRun> attrd_at(const std::string& proc, std::string_view pid) {
  std::string stat;
  if (!read_file(cat(proc, "/", pid, "/stat"), stat)) return std::nullopt;
  return parse_proc_stat(stat, kAttrdCommand);
}

}  // namespace

std::optional<ProcessRun> parse_proc_stat(std::string_view stat, std::string_view command) {
  // "PID (COMM) STATE PPID ...": COMM may hold spaces and parentheses, so it ends at the
  // last ')'; the start time is the 20th field after it.
  const auto open = stat.find(" (");
  const auto close = stat.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return std::nullopt;
  }
  if (stat.substr(open + 2, close - open - 2) != command) return std::nullopt;
  ProcessRun run;
  const auto [pid_end, pid_error] = std::from_chars(stat.data(), stat.data() + open, run.pid);
  if (pid_error != std::errc() || pid_end != stat.data() + open || run.pid <= 0) {
    return std::nullopt;
  }
  const std::vector<std::string> fields = split(stat.substr(close + 1));
  constexpr size_t kState = 0, kStartTime = 19;  // fields 3 and 22 of proc(5)
  if (fields.size() <= kStartTime) return std::nullopt;
  if (fields[kState] == "Z" || fields[kState] == "X") return std::nullopt;  // dead, not reaped
  const std::string& start = fields[kStartTime];
  const auto [end, error] =
      std::from_chars(start.data(), start.data() + start.size(), run.start_ticks);
  if (error != std::errc() || end != start.data() + start.size()) return std::nullopt;
  return run;
}

std::optional<ProcessRun> running_attrd(const std::string& proc) {
  for (const unsigned pid : numeric_entries(proc)) {
    if (auto attrd = attrd_at(proc, cat(pid))) return attrd;
  }
  return std::nullopt;
}

bool attrd_still_running(const ProcessRun& run, const std::string& proc) {
  return attrd_at(proc, cat(run.pid)) == run;
}

}  // namespace hakit::ocf
