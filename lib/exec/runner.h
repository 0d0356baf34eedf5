// The process seam (as leveldb's Env): exec::run() hands every command to the installed
// Runner. Production installs nothing and gets the posix_spawn one; a test installs its
// own with ScopedRunner to make children hang, die by a signal or print garbage, without
// touching the code under test.
#pragma once

#include "exec/command.h"

namespace hakit::exec {

class Runner {
 public:
  virtual ~Runner() = default;
  /// exec::run()'s contract (command.h).
  virtual Result run(const Command& cmd, const Deadline& deadline) = 0;
};

/// The real runner: spawns `cmd` (what exec::run does when nothing is installed).
Runner& system_runner();

/// Installs `runner` for its lifetime, then restores the previous one.
class ScopedRunner {
 public:
  explicit ScopedRunner(Runner& runner);
  ~ScopedRunner();
  ScopedRunner(const ScopedRunner&) = delete;
  ScopedRunner& operator=(const ScopedRunner&) = delete;

 private:
  Runner* previous_;
};

}  // namespace hakit::exec
