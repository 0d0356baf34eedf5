#include "exec/command.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <utility>

#include "exec/runner.h"
#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::exec {
namespace {

constexpr const char* kDefaultPath = "/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin";
// After TERM, how long the process group gets before KILL; after KILL, how long we wait
// for it to be reaped (a child stuck in the kernel on a dead device may never be).
constexpr Millis kTermGrace{1000};
constexpr Millis kKillWait{2000};

[[noreturn]] void throw_errno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

struct Pipe {
  UniqueFd read_end, write_end;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw_errno("pipe2");
    read_end.reset(fds[0]);
    write_end.reset(fds[1]);
  }
};

std::string locate(const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  for (const auto& dir : split(safe_path(), ":")) {
    std::string candidate = dir + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

std::vector<std::string> child_environment(const Command& cmd) {
  std::map<std::string, std::string> env = {{"PATH", safe_path()}, {"LC_ALL", "C"}};
  // Logging settings, locations and the resource identity (crm_attribute --promotion reads
  // OCF_RESOURCE_INSTANCE) pass through; instance parameters, which may be secrets, do not.
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view var(*entry);
    const auto eq = var.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view name = var.substr(0, eq);
    if (name == "HOME" || name == "TMPDIR" || name == "OCF_ROOT" || name.starts_with("HA_") ||
        name.starts_with("OCF_RESOURCE_")) {
      env.emplace(name, var.substr(eq + 1));
    }
  }
  for (const auto& [name, value] : cmd.env) env[name] = value;
  std::vector<std::string> flat;
  for (const auto& [name, value] : env) flat.push_back(name + "=" + value);
  return flat;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

int poll_timeout(const Deadline& deadline) {
  const Millis left = deadline.remaining();
  return left > Millis(60000) ? 60000 : int(left.count());
}

class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid), pidfd_(int(::syscall(SYS_pidfd_open, pid, 0))) {
    if (pidfd_.get() < 0) throw_errno("pidfd_open");
  }
  int pidfd() const { return pidfd_.get(); }

  /// Non-blocking reap; true once the child has been collected into `result`.
  bool reap(Result& result) const {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
    if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return true;
  }

  /// Kills the whole process group: TERM, then KILL; waits a bounded time for the reap.
  void kill_group(Result& result) {
    ::kill(-pid_, SIGTERM);
    if (wait_exit(kTermGrace) && reap(result)) return;
    ::kill(-pid_, SIGKILL);
    if (wait_exit(kKillWait)) reap(result);
  }

 private:
  bool wait_exit(Millis timeout) {
    pollfd p{pidfd_.get(), POLLIN, 0};
    return ::poll(&p, 1, int(timeout.count())) > 0;
  }
  pid_t pid_;
  UniqueFd pidfd_;
};

/// Appends what is readable now; false at end of file.
bool drain(int fd, std::string& sink, size_t limit) {
  char buffer[8192];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      if (sink.size() < limit) sink.append(buffer, std::min(size_t(n), limit - sink.size()));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && errno == EAGAIN;
  }
}

Observer observer = nullptr;

}  // namespace

void set_observer(Observer new_observer) { observer = new_observer; }

const char* safe_path() {
  // A seam for tests that put fake tools first; never taken from the caller's PATH.
  const char* override_path = std::getenv("HAKIT_EXEC_PATH");
  return override_path != nullptr && *override_path != '\0' ? override_path : kDefaultPath;
}

std::optional<std::string> find_program(const std::string& program) {
  const char* pretend_missing = std::getenv("OCF_TESTER_FAIL_HAVE_BINARY");
  if (pretend_missing != nullptr && *pretend_missing != '\0') return std::nullopt;
  std::string path = locate(program);
  if (path.empty() || ::access(path.c_str(), X_OK) != 0) return std::nullopt;
  return path;
}

std::string Result::describe() const {
  if (timed_out) return "timed out";
  if (signal != 0) return cat("killed by signal ", signal);
  return cat("exit ", exit_status);
}

std::string Result::first_error_line() const {
  for (const std::string* stream : {&err, &out}) {
    for (const auto& line : split(*stream, "\n")) {
      const auto text = trim(line);
      if (!text.empty()) return std::string(text);
    }
  }
  return {};
}

namespace {

Result run_unobserved(const Command& cmd, const Deadline& deadline) {
  Result result;
  if (cmd.argv.empty()) throw std::invalid_argument("exec::run: empty argv");
  const std::string program = locate(cmd.argv[0]);
  if (program.empty()) {
    result.exit_status = 127;
    result.err = cmd.argv[0] + ": command not found";
    return result;
  }

  Pipe out, err;
  std::optional<Pipe> in;
  if (!cmd.input.empty()) in.emplace();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (in) {
    posix_spawn_file_actions_adddup2(&actions, in->read_end.get(), 0);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out.write_end.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err.write_end.get(), 2);
  if (!cmd.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cmd.cwd.c_str());

  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t no_signals, all_signals;
  sigemptyset(&no_signals);
  sigfillset(&all_signals);
  posix_spawnattr_setsigmask(&attr, &no_signals);
  posix_spawnattr_setsigdefault(&attr, &all_signals);
  posix_spawnattr_setpgroup(&attr, 0);  // own group, so a timeout can kill all of it
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<std::string> argv_strings = cmd.argv;
  std::vector<std::string> env_strings = child_environment(cmd);
  auto argv = c_strings(argv_strings);
  auto envp = c_strings(env_strings);
  pid_t pid = -1;
  const int spawn_error =
      posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawn_error != 0) {
    result.exit_status = spawn_error == ENOENT ? 127 : 126;
    result.err = cat(program, ": ", std::strerror(spawn_error));
    return result;
  }

  Child child(pid);
  out.write_end.reset();
  err.write_end.reset();
  std::string_view pending_input = cmd.input;
  if (in) {
    in->read_end.reset();
    ::fcntl(in->write_end.get(), F_SETFL, O_NONBLOCK);
  }
  ::fcntl(out.read_end.get(), F_SETFL, O_NONBLOCK);
  ::fcntl(err.read_end.get(), F_SETFL, O_NONBLOCK);

  // A child that dies before reading its input must not kill us with SIGPIPE.
  struct sigaction ignore_pipe {
  }, previous_pipe{};
  ignore_pipe.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore_pipe, &previous_pipe);

  bool exited = false;
  while (!exited) {
    std::array<pollfd, 4> fds{};
    nfds_t count = 0;
    fds[count++] = {child.pidfd(), POLLIN, 0};
    if (out.read_end.get() >= 0) fds[count++] = {out.read_end.get(), POLLIN, 0};
    if (err.read_end.get() >= 0) fds[count++] = {err.read_end.get(), POLLIN, 0};
    if (in && in->write_end.get() >= 0) fds[count++] = {in->write_end.get(), POLLOUT, 0};

    if (deadline.expired()) {
      result.timed_out = true;
      child.kill_group(result);
      break;
    }
    const int ready = ::poll(fds.data(), count, poll_timeout(deadline));
    if (ready < 0 && errno != EINTR) throw_errno("poll");
    if (ready <= 0) continue;

    for (nfds_t i = 1; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == out.read_end.get()) {
        if (!drain(out.read_end.get(), result.out, cmd.max_output)) out.read_end.reset();
      } else if (fds[i].fd == err.read_end.get()) {
        if (!drain(err.read_end.get(), result.err, cmd.max_output)) err.read_end.reset();
      } else {
        const ssize_t n = ::write(in->write_end.get(), pending_input.data(), pending_input.size());
        if (n > 0) pending_input.remove_prefix(size_t(n));
        if ((n < 0 && errno != EAGAIN) || pending_input.empty()) in->write_end.reset();
      }
    }
    // Once the child has exited, take what its pipes hold now and stop: a daemon it
    // left behind may keep them open forever.
    if (fds[0].revents != 0 && child.reap(result)) exited = true;
  }
  if (out.read_end.get() >= 0) drain(out.read_end.get(), result.out, cmd.max_output);
  if (err.read_end.get() >= 0) drain(err.read_end.get(), result.err, cmd.max_output);
  ::sigaction(SIGPIPE, &previous_pipe, nullptr);
  return result;
}

class SystemRunner final : public Runner {
 public:
  Result run(const Command& cmd, const Deadline& deadline) override {
    return run_unobserved(cmd, deadline);
  }
};

// Constant-initialized: no start-up work, and production never sets it.
Runner* installed_runner = nullptr;

}  // namespace

Runner& system_runner() {
  static SystemRunner runner;
  return runner;
}

ScopedRunner::ScopedRunner(Runner& runner) : previous_(installed_runner) {
  installed_runner = &runner;
}

ScopedRunner::~ScopedRunner() { installed_runner = previous_; }

Result run(const Command& cmd, const Deadline& deadline) {
  const auto started = Clock::now();
  Result result = installed_runner != nullptr ? installed_runner->run(cmd, deadline)
                                              : run_unobserved(cmd, deadline);
  if (observer != nullptr) {
    observer(cmd, result, std::chrono::duration_cast<Millis>(Clock::now() - started));
  }
  return result;
}

}  // namespace hakit::exec
