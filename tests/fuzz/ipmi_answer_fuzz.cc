// A BMC's answers: Get Chassis Status data and completion codes.
#include <span>

#include "fence/error.h"
#include "fence/ipmi_messages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto request =
      data[0] & 1 ? hakit::fence::get_chassis_status()
                  : hakit::fence::chassis_control(hakit::fence::ChassisControl(data[0] % 3));
  (void)hakit::fence::completion_error(request, data[0]).what();
  try {
    hakit::fence::chassis_power_state(std::span<const uint8_t>(data + 1, size - 1));
  } catch (const hakit::fence::Error&) {
  }
  return 0;
}
