#include "fence/ipmi_messages.h"

#include <catch2/catch.hpp>

using namespace hakit::fence;
using Bytes = std::vector<std::uint8_t>;

TEST_CASE("chassis requests: NetFn 0, Get Chassis Status 0x01, Chassis Control 0x02",
          "[fence][ipmi]") {
  const IpmiRequest status = get_chassis_status();
  CHECK(status.netfn == 0x00);
  CHECK(status.command == 0x01);
  CHECK(status.data.empty());

  CHECK(chassis_control(ChassisControl::kPowerDown).data == Bytes{0x00});
  CHECK(chassis_control(ChassisControl::kPowerUp).data == Bytes{0x01});
  const IpmiRequest cycle = chassis_control(ChassisControl::kPowerCycle);
  CHECK(cycle.netfn == 0x00);
  CHECK(cycle.command == 0x02);
  CHECK(cycle.data == Bytes{0x02});
}

TEST_CASE("the power state is bit 0 of Get Chassis Status's first data byte", "[fence][ipmi]") {
  CHECK(chassis_power_state(Bytes{0x01, 0x00, 0x00}) == PowerState::kOn);
  CHECK(chassis_power_state(Bytes{0x00, 0x00, 0x00}) == PowerState::kOff);
  // Restore policy and fault bits around it change nothing.
  CHECK(chassis_power_state(Bytes{0x61, 0x10, 0x40}) == PowerState::kOn);
  CHECK(chassis_power_state(Bytes{0x7e}) == PowerState::kOff);
  try {
    chassis_power_state(Bytes{});
    FAIL("an answer without a power state was read as a state");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::kFailed);
  }
}

TEST_CASE("completion codes: privilege is access, a timeout no answer, the rest a failure",
          "[fence][ipmi]") {
  const IpmiRequest control = chassis_control(ChassisControl::kPowerDown);
  const Error privilege = completion_error(control, 0xd4);
  CHECK(privilege.kind() == ErrorKind::kAccess);
  CHECK(std::string(privilege.what()) ==
        "Chassis Control: BMC answered 0xd4 (insufficient privilege level)");
  CHECK(completion_error(control, 0xc3).kind() == ErrorKind::kUnreachable);
  const Error state = completion_error(control, 0xd5);
  CHECK(state.kind() == ErrorKind::kFailed);
  CHECK(std::string(state.what()) ==
        "Chassis Control: BMC answered 0xd5 (not supported in the present state)");
  CHECK(std::string(completion_error(get_chassis_status(), 0x80).what()) ==
        "Get Chassis Status: BMC answered 0x80 (error)");
}
