// The IPMI requests a fence device sends to a BMC, and what their answers mean (IPMI 2.0
// §28 Chassis): Get Chassis Status for the power state, Chassis Control to switch it.
// Plain bytes, so that the decoding is tested without a BMC; ipmi_session.h sends them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "fence/device.h"
#include "fence/error.h"

namespace hakit::fence {

struct IpmiRequest {
  std::string_view name;  ///< "Get Chassis Status": for messages
  std::uint8_t netfn;
  std::uint8_t command;
  std::vector<std::uint8_t> data{};
};

/// Chassis Control's request byte.
enum class ChassisControl : std::uint8_t {
  kPowerDown = 0,
  kPowerUp = 1,
  kPowerCycle = 2,
};

IpmiRequest get_chassis_status();
IpmiRequest chassis_control(ChassisControl control);

/// The power state in a Get Chassis Status answer (completion code stripped): bit 0 of the
/// current power state byte. Throws Error(kFailed) for an answer too short to hold it.
PowerState chassis_power_state(std::span<const std::uint8_t> answer);

/// The error for a non-zero completion code `code` in the answer to `request`: insufficient
/// privilege is kAccess, a timeout (0xc3, also OpenIPMI's "no answer") kUnreachable, the
/// rest kFailed, each named ("Chassis Control: BMC answered 0xd5 (not supported in the
/// present state)").
Error completion_error(const IpmiRequest& request, std::uint8_t code);

}  // namespace hakit::fence
