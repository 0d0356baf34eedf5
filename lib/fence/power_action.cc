#include "fence/power_action.h"

#include "fence/error.h"
#include "fence/verified_power.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

using namespace std::chrono_literals;

exec::Millis seconds_if_declared(const Options& options, std::string_view name) {
  return options.declares(name) ? options.seconds(name) : exec::Millis(0);
}

RebootMethod reboot_method(const Options& options) {
  if (!options.declares("method")) return RebootMethod::kOffOn;
  const std::string method = to_lower(options.str("method"));
  if (method == "cycle") return RebootMethod::kCycle;
  if (method.empty() || method == "onoff") return RebootMethod::kOffOn;
  throw Error(ErrorKind::kBadConfig, cat("method must be onoff or cycle, not '", method, "'"));
}

}  // namespace

std::optional<PowerAction> power_action_named(std::string_view name) {
  if (name == "on") return PowerAction::kOn;
  if (name == "off") return PowerAction::kOff;
  if (name == "reboot" || name == "reset") return PowerAction::kReboot;
  return std::nullopt;
}

exec::Deadline action_deadline(const Device& device, const Options& options) {
  const PowerTiming timing = PowerTiming::from(options);
  const exec::Millis round = timing.power_wait + timing.power_timeout;
  return exec::Deadline::in(seconds_if_declared(options, "delay") +
                            round * (1 + timing.on_attempts) +
                            device.capabilities().longest_request + 60s);
}

std::string action_target(const Device& device, const Options& options) {
  const bool named = (options.declares("plug") && options.is_set("plug")) ||
                     !options.nodename().value_or("").empty();
  if (!named) {
    if (auto sole = device.sole_target()) return *std::move(sole);
  }
  return options.target();
}

std::vector<std::string> plugs_of(const std::string& target, const Options& options) {
  if (!options.declares("plug_separator") || options.str("plug_separator").empty()) {
    return {target};
  }
  std::vector<std::string> plugs = split(target, options.str("plug_separator"));
  if (plugs.empty()) throw Error(ErrorKind::kBadConfig, "empty plug");
  return plugs;
}

std::string switch_power(Device& device, const Options& options, PowerAction action,
                         const std::vector<std::string>& plugs, const exec::Deadline& deadline) {
  const RebootMethod method = reboot_method(options);
  if (const exec::Millis delay = seconds_if_declared(options, "delay"); delay.count() > 0) {
    ocf::log_info(cat("waiting ", delay.count() / 1000.0, " s (delay) before fencing"));
    exec::sleep_for(delay);
  }
  VerifiedPower power(device, PowerTiming::from(options));
  switch (action) {
    case PowerAction::kOn:
      for (const std::string& plug : plugs) power.on(plug, deadline);
      return "Success: Powered ON";
    case PowerAction::kOff:
      for (const std::string& plug : plugs) power.off(plug, deadline);
      return "Success: Powered OFF";
    case PowerAction::kReboot:
      break;
  }
  if (plugs.size() == 1 || method == RebootMethod::kCycle) {
    for (const std::string& plug : plugs) power.reboot(plug, deadline, method);
  } else {
    for (const std::string& plug : plugs) power.off(plug, deadline);
    for (const std::string& plug : plugs) power.on(plug, deadline);
  }
  return "Success: Rebooted";
}

}  // namespace hakit::fence
