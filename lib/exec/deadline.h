// A point in time by which an operation must be finished. Every external call an
// agent makes inherits the deadline of the OCF action that caused it.
#pragma once

#include <chrono>

#include "exec/clock.h"

namespace hakit::exec {

class Deadline {
 public:
  /// A deadline `budget` from now.
  static Deadline in(Millis budget) { return Deadline(Clock::now() + budget); }
  /// A deadline that never expires (meta-data, CLI helpers).
  static Deadline never() { return Deadline(Clock::time_point::max()); }

  Millis remaining() const;
  bool expired() const { return remaining().count() <= 0; }
  /// The earlier of this deadline and `budget` from now: for a sub-step with its own cap.
  Deadline capped(Millis budget) const;
  Clock::time_point when() const { return when_; }

 private:
  explicit Deadline(Clock::time_point when) : when_(when) {}
  Clock::time_point when_;
};

}  // namespace hakit::exec
