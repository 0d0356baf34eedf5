#include "storage/child_task.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <system_error>

#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::storage {
namespace {

// The first byte of the child's report says how `work` ended.
constexpr char kReturned = 'R';
constexpr char kThrew = 'T';

[[noreturn]] void report_and_exit(int fd, char how, const std::string& text) {
  std::string message = how + text;
  const char* data = message.data();
  size_t left = message.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    data += n;
    left -= size_t(n);
  }
  ::_exit(0);  // not exit(): the parent's stdio buffers and atexit handlers are not ours
}

[[noreturn]] void child_main(int fd, const std::function<std::string()>& work) {
  try {
    report_and_exit(fd, kReturned, work());
  } catch (const std::exception& error) {
    report_and_exit(fd, kThrew, error.what());
  }
}

/// Reads everything the child writes, until EOF or the deadline. False on timeout.
bool read_report(int fd, const exec::Deadline& deadline, std::string& report) {
  char buffer[4096];
  while (true) {
    const auto wait = std::min<long long>(deadline.remaining().count(), 60'000);
    pollfd entry{fd, POLLIN, 0};
    const int ready = ::poll(&entry, 1, int(wait));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      if (deadline.expired()) return false;
      continue;
    }
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    report.append(buffer, size_t(n));
  }
}

}  // namespace

ChildOutcome run_in_child(const std::function<std::string()>& work,
                          const exec::Deadline& deadline) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw std::system_error(errno, std::generic_category(), "pipe2");
  UniqueFd read_end(fds[0]), write_end(fds[1]);

  const pid_t pid = ::fork();
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid == 0) {
    // Keep only stdio and the pipe: a child stuck on a dead device must not keep the
    // resource lock (or anything else the agent holds) after the agent has gone.
    const auto fd = unsigned(write_end.get());
    ::close_range(3, fd - 1, 0);
    ::close_range(fd + 1, ~0U, 0);
    child_main(int(fd), work);
  }
  write_end.reset();

  std::string report;
  if (!read_report(read_end.get(), deadline, report)) {
    ::kill(pid, SIGKILL);
    // Reap it if it died; one stuck in uninterruptible I/O is left to init.
    ::waitpid(pid, nullptr, WNOHANG);
    return {ChildOutcome::Status::kTimedOut, "timed out"};
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (report.empty()) {
    return {ChildOutcome::Status::kFailed,
            WIFSIGNALED(status) ? cat("killed by signal ", WTERMSIG(status)) : "no result"};
  }
  const auto status_of =
      report[0] == kReturned ? ChildOutcome::Status::kSucceeded : ChildOutcome::Status::kFailed;
  return {status_of, report.substr(1)};
}

}  // namespace hakit::storage
