#include "virt/emulator_process.h"

#include <csignal>

#include <cerrno>
#include <chrono>

#include "util/procfs.h"
#include "util/strings.h"

namespace hakit::virt {
namespace {

constexpr exec::Millis kTermGrace{3000};
constexpr exec::Millis kPoll{50};

std::vector<std::string> read_cmdline(unsigned pid) {
  std::string raw;
  if (!read_file(cat("/proc/", pid, "/cmdline"), raw)) return {};
  std::vector<std::string> argv;
  size_t start = 0;
  for (size_t end; (end = raw.find('\0', start)) != std::string::npos; start = end + 1) {
    argv.push_back(raw.substr(start, end - start));
  }
  return argv;
}

bool alive(pid_t pid) {
  std::string stat;
  if (!read_file(cat("/proc/", pid, "/stat"), stat)) return false;
  return process_state(stat) != 'Z';
}

bool wait_gone(pid_t pid, const exec::Deadline& deadline) {
  while (alive(pid)) {
    if (deadline.expired()) return false;
    exec::sleep_for(kPoll);
  }
  return true;
}

}  // namespace

bool is_emulator_of(const std::vector<std::string>& argv, std::string_view name) {
  if (argv.empty()) return false;
  const std::string program = argv[0].substr(argv[0].rfind('/') + 1);
  if (!program.starts_with("qemu-system-") && program != "qemu-kvm" && program != "kvm") {
    return false;
  }
  for (size_t i = 1; i + 1 < argv.size(); ++i) {
    if (argv[i] != "-name") continue;
    const std::string_view value = argv[i + 1];
    if (value == name) return true;
    for (const auto& option : split(value, ",")) {
      if (option == cat("guest=", name)) return true;
    }
  }
  return false;
}

std::optional<pid_t> find_emulator(std::string_view name) {
  for (const unsigned pid : numeric_entries("/proc")) {
    if (is_emulator_of(read_cmdline(pid), name) && alive(pid_t(pid))) return pid_t(pid);
  }
  return std::nullopt;
}

bool kill_emulator(pid_t pid, const exec::Deadline& deadline) {
  if (::kill(pid, SIGTERM) < 0 && errno == ESRCH) return true;
  if (wait_gone(pid, deadline.capped(kTermGrace))) return true;
  ::kill(pid, SIGKILL);
  return wait_gone(pid, deadline);
}

}  // namespace hakit::virt
