#include "daemon.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <thread>

#include "util/strings.h"

namespace hakit::lab {

namespace {

[[noreturn]] void exec_child(const std::vector<char*>& argv, int log_fd, int error_pipe) {
  // Only async-signal-safe calls from here on.
  setsid();
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int sig = 1; sig < NSIG; ++sig) signal(sig, SIG_DFL);
  const int null_fd = open("/dev/null", O_RDONLY);
  dup2(null_fd, STDIN_FILENO);
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);  // the error pipe included: it closes on success
  execv(argv[0], argv.data());
  const int error = errno;
  (void)!write(error_pipe, &error, sizeof error);
  _exit(127);
}

// Zombies count as gone: PID 1 here reaps orphans lazily.
bool process_alive(pid_t pid) {
  std::string stat;
  if (!read_file("/proc/" + std::to_string(pid) + "/stat", stat)) return false;
  const auto after_name = stat.rfind(')');
  return after_name != std::string::npos && after_name + 2 < stat.size() &&
         stat[after_name + 2] != 'Z';
}

std::string program_name(pid_t pid) {
  std::string comm;
  read_file("/proc/" + std::to_string(pid) + "/comm", comm);
  return std::string(trim(comm));
}

}  // namespace

Daemon::Daemon(std::vector<std::string> argv, const std::string& log_path)
    : name_(std::filesystem::path(argv.at(0)).filename()), child_(true) {
  const int log_fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) throw std::system_error(errno, std::generic_category(), log_path);
  int error_pipe[2];
  if (pipe2(error_pipe, O_CLOEXEC) != 0) {
    close(log_fd);
    throw std::system_error(errno, std::generic_category(), "pipe2");
  }
  std::vector<char*> raw_argv;
  for (auto& arg : argv) raw_argv.push_back(arg.data());
  raw_argv.push_back(nullptr);

  pid_ = fork();
  if (pid_ == 0) exec_child(raw_argv, log_fd, error_pipe[1]);
  const int fork_error = errno;
  close(log_fd);
  close(error_pipe[1]);
  if (pid_ < 0) {
    close(error_pipe[0]);
    throw std::system_error(fork_error, std::generic_category(), "fork " + name_);
  }
  int exec_error = 0;
  const ssize_t got = read(error_pipe[0], &exec_error, sizeof exec_error);
  close(error_pipe[0]);
  if (got == sizeof exec_error) {
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw std::system_error(exec_error, std::generic_category(), "exec " + name_);
  }
}

Daemon::Daemon(pid_t pid, std::string name, bool child)
    : pid_(pid), name_(std::move(name)), child_(child) {}

Daemon Daemon::adopt(pid_t pid, std::string name) {
  const bool same_program = pid > 0 && process_alive(pid) && program_name(pid) == name;
  return Daemon(same_program ? pid : -1, std::move(name), false);
}

Daemon::~Daemon() {
  try {
    stop();
  } catch (const std::exception& error) {
    std::cerr << "hakit-lab: stopping " << name_ << ": " << error.what() << "\n";
  }
}

Daemon::Daemon(Daemon&& other) noexcept
    : pid_(other.pid_),
      name_(std::move(other.name_)),
      child_(other.child_),
      reaped_(other.reaped_) {
  other.pid_ = -1;
}

bool Daemon::running() const {
  if (pid_ <= 0 || reaped_) return false;
  if (!child_) return process_alive(pid_);
  if (waitpid(pid_, nullptr, WNOHANG) == pid_) reaped_ = true;
  return !reaped_;
}

void Daemon::stop(std::chrono::milliseconds grace) {
  if (pid_ <= 0) return;
  if (running()) {
    kill(pid_, SIGTERM);
    if (!wait_until([this] { return !running(); }, grace)) {
      std::cerr << "hakit-lab: " << name_ << " (pid " << pid_ << ") ignored SIGTERM, killing\n";
      kill(-pid_, SIGKILL);
      wait_until([this] { return !running(); }, std::chrono::seconds(10));
    }
  }
  // The leader is gone, but what it started (a hook a simulator ran, a hung helper) may
  // still be in its process group: nothing of a lab peer outlives it.
  kill(-pid_, SIGKILL);
  pid_ = -1;
}

pid_t Daemon::release() {
  const pid_t pid = pid_;
  pid_ = -1;
  return pid;
}

bool wait_until(const std::function<bool()>& ready, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!ready()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return true;
}

}  // namespace hakit::lab
