// rackpdu's outlet_config file ("node=outlet" lines) and plug names as outlet numbers.
#include "fence/error.h"
#include "fence/outlet_map.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = hakit::fuzz::text(data, size);
  hakit::fence::outlet_number(text);
  try {
    hakit::fence::parse_outlet_config(text, "outlet_config");
  } catch (const hakit::fence::Error&) {
  }
  return 0;
}
