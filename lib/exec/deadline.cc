#include "exec/deadline.h"

#include <algorithm>

namespace hakit::exec {

Millis Deadline::remaining() const {
  if (when_ == Clock::time_point::max()) return Millis::max();
  return std::max(Millis(0), std::chrono::duration_cast<Millis>(when_ - Clock::now()));
}

Deadline Deadline::capped(Millis budget) const {
  const Deadline other = in(budget);
  return other.when_ < when_ ? other : *this;
}

}  // namespace hakit::exec
