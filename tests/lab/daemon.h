// A peer process the lab started: tracked and stopped by its PID, never by name.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace hakit::lab {

class Daemon {
 public:
  /// Starts argv in its own process group with stdout+stderr appended to `log_path`.
  Daemon(std::vector<std::string> argv, const std::string& log_path);
  /// Adopts a process the lab started earlier (for the hakit-lab CLI's stop). `name` is
  /// the program's name: if `pid` no longer runs it, the result is already stopped.
  static Daemon adopt(pid_t pid, std::string name);
  /// Stops the daemon (see stop()).
  ~Daemon();
  Daemon(Daemon&&) noexcept;
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  pid_t pid() const { return pid_; }
  bool running() const;
  /// SIGTERM, wait up to `grace`, then SIGKILL to the whole process group; reaps it.
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(10));
  /// Leaves the daemon running and forgets it: it outlives this object (hakit-lab CLI).
  pid_t release();

 private:
  Daemon(pid_t pid, std::string name, bool child);
  pid_t pid_ = -1;
  std::string name_;
  bool child_ = false;  ///< our child (reap with waitpid) or adopted (poll /proc)
  mutable bool reaped_ = false;
};

/// Polls `ready` every 100 ms until it returns true or `timeout` passes.
bool wait_until(const std::function<bool()>& ready, std::chrono::milliseconds timeout);

}  // namespace hakit::lab
