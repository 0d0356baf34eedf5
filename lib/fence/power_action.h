// What both fronts do for on, off and reboot, so they cannot drift apart: the action's
// deadline from the options, the configured `delay`, and VerifiedPower over every plug
// of the target (a server fed by two PDU outlets is "1,2" with plug_separator ","; all
// are switched off before any is switched on again).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"
#include "fence/device.h"
#include "fence/options.h"

namespace hakit::fence {

enum class PowerAction { kOn, kOff, kReboot };

/// "on", "off" and "reboot" (also the plugin's "reset"); nullopt for anything else.
std::optional<PowerAction> power_action_named(std::string_view name);

/// The time one action may take: (1 + retry_on) rounds of power_wait + power_timeout, the
/// device's longest_request and a minute for its commands, after `delay`.
exec::Deadline action_deadline(const Device& device, const Options& options);

/// The target of an action: plug (or port), else nodename, else the device's sole_target().
/// Throws Error(kBadConfig) when there is none.
std::string action_target(const Device& device, const Options& options);

/// The plugs `target` names: split on plug_separator where the meta-data declares it.
std::vector<std::string> plugs_of(const std::string& target, const Options& options);

/// Waits `delay`, then switches every plug and reads each back (verified_power.h). Returns
/// the line to print on success ("Success: Powered OFF"); throws Error otherwise.
std::string switch_power(Device& device, const Options& options, PowerAction action,
                         const std::vector<std::string>& plugs, const exec::Deadline& deadline);

}  // namespace hakit::fence
