#include "exec/clock.h"

#include <thread>

namespace hakit::exec {
namespace {

// Constant-initialized: no start-up work, and production never sets it.
TimeSource* installed_source = nullptr;

}  // namespace

Clock::time_point Clock::now() {
  return installed_source != nullptr ? installed_source->now() : std::chrono::steady_clock::now();
}

void sleep_for(Millis pause) {
  if (installed_source != nullptr) {
    installed_source->sleep_for(pause);
  } else if (pause > Millis(0)) {
    std::this_thread::sleep_for(pause);
  }
}

ScopedTimeSource::ScopedTimeSource(TimeSource& source) : previous_(installed_source) {
  installed_source = &source;
}

ScopedTimeSource::~ScopedTimeSource() { installed_source = previous_; }

}  // namespace hakit::exec
