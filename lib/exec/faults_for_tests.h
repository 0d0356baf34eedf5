// Test support: fault injection through the exec seams (runner.h, clock.h). The faults
// are real misbehaving children, spawned by the system runner in place of the command the
// code under test asked for, and a clock a test can make leap; no peer is imitated.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/clock.h"
#include "exec/runner.h"

namespace hakit::exec {

/// Real time plus an offset the test moves: jump() makes time leap, and sleep_for() leaps
/// instead of sleeping, so that retry loops and polling intervals pass at once.
class JumpingClock final : public TimeSource {
 public:
  Clock::time_point now() override { return std::chrono::steady_clock::now() + offset_; }
  void sleep_for(Millis pause) override {
    if (pause > Millis(0)) offset_ += pause;
  }
  void jump(Clock::duration by) { offset_ += by; }
  /// Leaps to `when` (never backwards: the clock is steady).
  void jump_to(Clock::time_point when) {
    const auto now_ = now();
    if (when > now_) offset_ += when - now_;
  }

 private:
  Clock::duration offset_{};
};

enum class Fault {
  kLie,         ///< exit 0, no output: claims success, did nothing
  kFailure,     ///< exit 1 with an error line
  kMissing,     ///< the program is not installed (exit 127)
  kHang,        ///< never ends: time leaps to just before the deadline, the runner kills it there
  kKilled,      ///< dies by SIGKILL (the OOM killer)
  kCrash,       ///< dies by SIGSEGV
  kGarbage,     ///< exit 0, binary junk and near-misses of real formats on stdout and stderr
  kHugeOutput,  ///< exit 0, 64 MiB on stdout
};

inline constexpr Fault kAllFaults[] = {Fault::kLie,     Fault::kFailure,   Fault::kMissing,
                                       Fault::kHang,    Fault::kKilled,    Fault::kCrash,
                                       Fault::kGarbage, Fault::kHugeOutput};

inline std::string_view fault_name(Fault fault) {
  switch (fault) {
    case Fault::kLie:
      return "lie";
    case Fault::kFailure:
      return "failure";
    case Fault::kMissing:
      return "missing";
    case Fault::kHang:
      return "hang";
    case Fault::kKilled:
      return "killed";
    case Fault::kCrash:
      return "crash";
    case Fault::kGarbage:
      return "garbage";
    case Fault::kHugeOutput:
      return "huge-output";
  }
  return "?";
}

/// Replaces every command (or only call number `only_call`, counting from 0; the others
/// then lie) with a child that shows `fault`, and records what was asked.
class FaultyRunner final : public Runner {
 public:
  FaultyRunner(Fault fault, JumpingClock& clock, std::optional<size_t> only_call = std::nullopt)
      : fault_(fault), clock_(clock), only_call_(only_call) {}

  Result run(const Command& cmd, const Deadline& deadline) override {
    const size_t call = calls_.size();
    calls_.push_back(cmd);
    if (deadline.when() == Clock::time_point::max()) unbounded_.push_back(cmd.argv.at(0));
    const Fault fault = !only_call_ || *only_call_ == call ? fault_ : Fault::kLie;
    if (fault == Fault::kHang) {
      // A child that hangs is killed at the deadline: leap to shortly before it, then let
      // the real runner wait out the rest and kill a real `sleep`.
      clock_.jump_to(deadline.when() - kHangTail);
      return system_runner().run({.argv = {"sleep", "3600"}}, deadline.capped(kHangCap));
    }
    return system_runner().run(child_for(fault), deadline);
  }

  /// Every command the code under test ran, in order.
  const std::vector<Command>& calls() const { return calls_; }
  /// argv[0] of each command run without a deadline (Deadline::never()).
  const std::vector<std::string>& unbounded() const { return unbounded_; }

 private:
  static constexpr Millis kHangTail{150};
  // A call without a deadline would hang the test: cap it, and report it in unbounded().
  static constexpr Millis kHangCap{2000};

  static Command child_for(Fault fault) {
    switch (fault) {
      case Fault::kLie:
        return {.argv = {"true"}};
      case Fault::kFailure:
        return {.argv = {"sh", "-c", "echo 'injected failure' >&2; exit 1"}};
      case Fault::kMissing:
        return {.argv = {"/nonexistent/hakit-injected-fault"}};
      case Fault::kKilled:
        return {.argv = {"sh", "-c", "kill -KILL $$"}};
      case Fault::kCrash:
        return {.argv = {"sh", "-c", "kill -SEGV $$"}};
      case Fault::kGarbage:
        return {.argv = {"tee", "/dev/stderr"}, .input = garbage()};
      case Fault::kHugeOutput:
        return {.argv = {"head", "-c", "67108864", "/dev/zero"}};
      case Fault::kHang:
        break;
    }
    return {.argv = {"false"}};
  }

  /// Junk that looks almost like what the real tools print.
  static std::string garbage() {
    std::string junk = "value=\"\nname=\"x\" host=\"\" value=\"1\nUUID=\n<?xml <fence-history>";
    junk += "<status code=\"0\"/>\n/dev/\n";
    junk += std::string("\0\xff\xfe\x01\x80\r\n\t=\"", 10);
    junk += std::string(5000, 'A');
    junk += "\nOK\nsuccess\n";
    return junk;
  }

  Fault fault_;
  JumpingClock& clock_;
  std::optional<size_t> only_call_;
  std::vector<Command> calls_;
  std::vector<std::string> unbounded_;
};

}  // namespace hakit::exec
