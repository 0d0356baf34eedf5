// The shared verification rule, and the only code that may report a fencing action a
// success: off succeeds once the device reads the target back off; on once it reads
// it back on; reboot once it read off and then on (when the target was already off,
// the off step is skipped, as fencing.py does). Anything else is an Error: a device
// that keeps reporting the old state until power_timeout is kTimeout; a state that
// cannot be read is the read's Error. For a self-confirming device (meatware, null)
// the request is the confirmation and nothing is read back.
#pragma once

#include <string>

#include "exec/deadline.h"
#include "fence/device.h"
#include "fence/options.h"

namespace hakit::fence {

struct PowerTiming {
  /// How long the target may take to reach the new state after a request (power_timeout).
  exec::Millis power_timeout{std::chrono::seconds(20)};
  /// A pause after each request before the first read (power_wait): for devices that
  /// report the old state for a moment after accepting a request.
  exec::Millis power_wait{0};
  /// The longest pause between two reads (stonith_status_sleep); reads start faster
  /// (100 ms, doubling) so that a quick device answers quickly.
  exec::Millis poll_interval{std::chrono::seconds(1)};
  /// How many times to ask for "on" before giving up (retry_on).
  int on_attempts = 1;

  /// From power_timeout, power_wait, stonith_status_sleep and retry_on where the meta-data
  /// declares them; the defaults above otherwise.
  static PowerTiming from(const Options& options);
};

enum class RebootMethod {
  kOffOn,  ///< off (verified), then on (verified): the default, and the only fully verified one
  kCycle,  ///< one power_cycle(), then on (verified): only on request (method=cycle)
};

class VerifiedPower {
 public:
  VerifiedPower(Device& device, PowerTiming timing) : device_(device), timing_(timing) {}

  void off(const std::string& plug, const exec::Deadline& deadline);
  void on(const std::string& plug, const exec::Deadline& deadline);
  void reboot(const std::string& plug, const exec::Deadline& deadline,
              RebootMethod method = RebootMethod::kOffOn);

 private:
  /// Reads until the device reports `wanted`, within power_timeout and `deadline`.
  void await(const std::string& plug, PowerState wanted, const exec::Deadline& deadline);
  Device& device_;
  PowerTiming timing_;
};

}  // namespace hakit::fence
