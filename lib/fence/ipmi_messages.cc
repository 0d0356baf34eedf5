#include "fence/ipmi_messages.h"

#include <cstdio>

#include "util/strings.h"

namespace hakit::fence {
namespace {

constexpr std::uint8_t kChassisNetFn = 0x00;
constexpr std::uint8_t kGetChassisStatus = 0x01;
constexpr std::uint8_t kChassisControl = 0x02;

constexpr std::uint8_t kTimeout = 0xc3;
constexpr std::uint8_t kInsufficientPrivilege = 0xd4;

/// IPMI 2.0 table 5-2, for the codes a chassis command can meet.
std::string_view completion_code_meaning(std::uint8_t code) {
  switch (code) {
    case 0xc0:
      return "node busy";
    case 0xc1:
      return "invalid command";
    case kTimeout:
      return "timed out";
    case 0xc7:
      return "request data length invalid";
    case 0xcc:
      return "invalid data field in request";
    case 0xce:
      return "command response could not be provided";
    case 0xd2:
      return "BMC initialization in progress";
    case kInsufficientPrivilege:
      return "insufficient privilege level";
    case 0xd5:
      return "not supported in the present state";
    case 0xff:
      return "unspecified error";
    default:
      return "error";
  }
}

std::string hex(std::uint8_t byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02x", byte);
  return text;
}

}  // namespace

IpmiRequest get_chassis_status() {
  return {.name = "Get Chassis Status", .netfn = kChassisNetFn, .command = kGetChassisStatus};
}

IpmiRequest chassis_control(ChassisControl control) {
  return {.name = "Chassis Control",
          .netfn = kChassisNetFn,
          .command = kChassisControl,
          .data = {static_cast<std::uint8_t>(control)}};
}

PowerState chassis_power_state(std::span<const std::uint8_t> answer) {
  // Byte 1: current power state, whose bit 0 is "system power is on".
  if (answer.empty()) {
    throw Error(ErrorKind::kFailed, "Get Chassis Status: the BMC's answer holds no power state");
  }
  return (answer[0] & 0x01) != 0 ? PowerState::kOn : PowerState::kOff;
}

Error completion_error(const IpmiRequest& request, std::uint8_t code) {
  const ErrorKind kind = code == kInsufficientPrivilege ? ErrorKind::kAccess
                         : code == kTimeout             ? ErrorKind::kUnreachable
                                                        : ErrorKind::kFailed;
  return Error(kind, cat(request.name, ": BMC answered ", hex(code), " (",
                         completion_code_meaning(code), ")"));
}

}  // namespace hakit::fence
