// `stonith_admin --history NODE --verbose --output-as xml`, read by the meatware device.
// The first line is the node.
#include <chrono>

#include "fence/fencer_history.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml = hakit::fuzz::text(data, size);
  const std::string_view node = hakit::fuzz::take_line(xml);
  hakit::fence::has_manual_confirmation(xml, node, std::chrono::system_clock::time_point{});
  return 0;
}
