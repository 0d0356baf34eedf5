// A DRAC's answer to `racadm serveraction powerstatus`, as read over ssh.
#include "fence/drac5_device.h"
#include "fence/error.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    hakit::fence::parse_power_status(hakit::fuzz::text(data, size));
  } catch (const hakit::fence::Error&) {
  }
  return 0;
}
