#include "fence/ipmi_device.h"

#include "fence/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

using namespace std::chrono_literals;

/// fencing.py waits for password_script without a limit; a fence action cannot.
constexpr exec::Millis kPasswordScriptTimeout = 10s;

std::string_view control_name(ChassisControl control) {
  switch (control) {
    case ChassisControl::kPowerDown:
      return "power down";
    case ChassisControl::kPowerUp:
      return "power up";
    case ChassisControl::kPowerCycle:
      break;
  }
  return "power cycle";
}

}  // namespace

IpmiDevice::IpmiDevice(const Options& options)
    : config_(IpmiConfig::from(options, exec::Deadline::in(kPasswordScriptTimeout))),
      hostname_(trim(options.str("hostname"))) {}

Capabilities IpmiDevice::capabilities() const {
  return {.list = !hostname_.empty(), .cycle = true};
}

std::optional<std::string> IpmiDevice::sole_target() const {
  return hostname_.empty() ? config_.address : hostname_;
}

std::vector<Plug> IpmiDevice::list(const exec::Deadline&) {
  if (hostname_.empty()) {
    throw Error(ErrorKind::kUnsupported,
                "an IPMI BMC cannot name its machine: set hostname to the node it powers");
  }
  return {{.id = hostname_, .alias = ""}};
}

PowerState IpmiDevice::status(const std::string& plug, const exec::Deadline& deadline) {
  require_own(plug);
  return read_power(deadline);
}

void IpmiDevice::power_on(const std::string& plug, const exec::Deadline& deadline) {
  require_own(plug);
  control(ChassisControl::kPowerUp, deadline);
}

void IpmiDevice::power_off(const std::string& plug, const exec::Deadline& deadline) {
  require_own(plug);
  control(ChassisControl::kPowerDown, deadline);
}

void IpmiDevice::power_cycle(const std::string& plug, const exec::Deadline& deadline) {
  require_own(plug);
  if (read_power(deadline) == PowerState::kOff) {
    ocf::log_info(cat(plug, " is off: powering it up instead of cycling it"));
    control(ChassisControl::kPowerUp, deadline);
  } else {
    control(ChassisControl::kPowerCycle, deadline);
  }
}

void IpmiDevice::check(const exec::Deadline& deadline) { read_power(deadline); }

void IpmiDevice::require_own(const std::string& plug) const {
  if (hostname_.empty() || to_lower(plug) == to_lower(hostname_)) return;
  throw Error(ErrorKind::kUnknownTarget,
              cat("the BMC at ", config_.describe(), " powers ", hostname_, ", not ", plug));
}

PowerState IpmiDevice::read_power(const exec::Deadline& deadline) {
  return chassis_power_state(send(get_chassis_status(), deadline));
}

void IpmiDevice::control(ChassisControl control, const exec::Deadline& deadline) {
  send(chassis_control(control), deadline);
  ocf::log_info(cat("the BMC at ", config_.describe(), " accepted ", control_name(control)));
}

std::vector<std::uint8_t> IpmiDevice::send(const IpmiRequest& request,
                                           const exec::Deadline& deadline) {
  if (!session_) session_ = std::make_unique<IpmiSession>(config_, deadline);
  try {
    return session_->send(request, deadline);
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::kUnreachable) session_.reset();
    throw;
  }
}

}  // namespace hakit::fence
