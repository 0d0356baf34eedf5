#include "fence/verified_power.h"

#include <algorithm>
#include <optional>

#include "fence/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

using namespace std::chrono_literals;

/// Errors that another read will not cure.
bool is_permanent(ErrorKind kind) {
  return kind == ErrorKind::kBadConfig || kind == ErrorKind::kAccess ||
         kind == ErrorKind::kUnknownTarget || kind == ErrorKind::kUnsupported;
}

void sleep_within(exec::Millis pause, const exec::Deadline& deadline) {
  exec::sleep_for(std::min(pause, std::max(deadline.remaining(), exec::Millis(0))));
}

std::string seconds(exec::Millis duration) { return cat(double(duration.count()) / 1000, " s"); }

}  // namespace

PowerTiming PowerTiming::from(const Options& options) {
  PowerTiming timing;
  if (options.declares("power_timeout")) timing.power_timeout = options.seconds("power_timeout");
  if (options.declares("power_wait")) timing.power_wait = options.seconds("power_wait");
  if (options.declares("stonith_status_sleep")) {
    timing.poll_interval = std::max(options.seconds("stonith_status_sleep"), exec::Millis(100));
  }
  if (options.declares("retry_on")) {
    timing.on_attempts = int(std::max(options.integer("retry_on"), 1LL));
  }
  return timing;
}

void VerifiedPower::await(const std::string& plug, PowerState wanted,
                          const exec::Deadline& deadline) {
  sleep_within(timing_.power_wait, deadline);
  const exec::Deadline window = deadline.capped(timing_.power_timeout);
  const auto started = exec::Clock::now();
  exec::Millis pause = 100ms;
  std::optional<PowerState> last_state;
  std::optional<Error> last_error;
  while (true) {
    // Each read may use the whole action's time; the window only bounds how long we poll.
    try {
      last_state = device_.status(plug, deadline);
      last_error.reset();
      if (*last_state == wanted) {
        ocf::log_info(
            cat(plug, " reported ", power_state_name(wanted), " after ",
                seconds(std::chrono::duration_cast<exec::Millis>(exec::Clock::now() - started))));
        return;
      }
    } catch (const Error& error) {
      if (is_permanent(error.kind())) throw;
      ocf::log_debug(cat("reading the state of ", plug, " failed: ", error.what()));
      last_error = error;
    }
    if (window.expired() || deadline.expired()) break;
    sleep_within(pause, window);
    pause = std::min(pause * 2, timing_.poll_interval);
  }
  if (last_error) {
    throw Error(ErrorKind::kFailed, cat("could not read back whether ", plug, " is ",
                                        power_state_name(wanted), ": ", last_error->what()));
  }
  throw Error(ErrorKind::kTimeout,
              cat(plug, " still reported ", last_state ? power_state_name(*last_state) : "nothing",
                  " ", seconds(timing_.power_timeout), " after being switched ",
                  to_lower(power_state_name(wanted))));
}

void VerifiedPower::off(const std::string& plug, const exec::Deadline& deadline) {
  if (device_.capabilities().self_confirming) {
    device_.power_off(plug, deadline);
    return;
  }
  if (device_.status(plug, deadline) == PowerState::kOff) {
    ocf::log_info(cat(plug, " is already OFF"));
    return;
  }
  device_.power_off(plug, deadline);
  await(plug, PowerState::kOff, deadline);
}

void VerifiedPower::on(const std::string& plug, const exec::Deadline& deadline) {
  if (device_.capabilities().self_confirming) {
    device_.power_on(plug, deadline);
    return;
  }
  if (device_.status(plug, deadline) == PowerState::kOn) {
    ocf::log_info(cat(plug, " is already ON"));
    return;
  }
  for (int attempt = 1;; ++attempt) {
    device_.power_on(plug, deadline);
    try {
      await(plug, PowerState::kOn, deadline);
      return;
    } catch (const Error& error) {
      if (attempt >= timing_.on_attempts || error.kind() != ErrorKind::kTimeout) throw;
      ocf::log_warning(cat(error.what(), "; asking again (attempt ", attempt + 1, ")"));
    }
  }
}

void VerifiedPower::reboot(const std::string& plug, const exec::Deadline& deadline,
                           RebootMethod method) {
  const Capabilities capabilities = device_.capabilities();
  if (capabilities.self_confirming && capabilities.cycle) {
    device_.power_cycle(plug, deadline);
    return;
  }
  if (method == RebootMethod::kCycle) {
    if (!capabilities.cycle) {
      throw Error(ErrorKind::kUnsupported, "this device cannot power-cycle (method=cycle)");
    }
    device_.power_cycle(plug, deadline);
    await(plug, PowerState::kOn, deadline);
    return;
  }
  off(plug, deadline);
  on(plug, deadline);
}

}  // namespace hakit::fence
