// The clock every deadline, timeout and pause reads: std::chrono::steady_clock, through a
// seam (as leveldb's Env) so that a test can make time jump or pauses pass at once.
// Production installs nothing: Clock::now() is steady_clock::now() behind one null check.
#pragma once

#include <chrono>

namespace hakit::exec {

using Millis = std::chrono::milliseconds;

/// A drop-in for std::chrono::steady_clock (same time_point type).
struct Clock {
  using duration = std::chrono::steady_clock::duration;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::steady_clock::time_point;
  static constexpr bool is_steady = true;
  static time_point now();
};

/// Pauses the caller (retry loops, polling intervals): the seam's sleep.
void sleep_for(Millis pause);

/// What a test installs in place of the real clock.
class TimeSource {
 public:
  virtual ~TimeSource() = default;
  virtual Clock::time_point now() = 0;
  virtual void sleep_for(Millis pause) = 0;
};

/// Installs `source` for its lifetime, then restores the previous one.
class ScopedTimeSource {
 public:
  explicit ScopedTimeSource(TimeSource& source);
  ~ScopedTimeSource();
  ScopedTimeSource(const ScopedTimeSource&) = delete;
  ScopedTimeSource& operator=(const ScopedTimeSource&) = delete;

 private:
  TimeSource* previous_;
};

}  // namespace hakit::exec
