// What arrives in a meatware FIFO (anyone who can write /run/meatware.<node>), and the node
// names the protocol builds paths from. The first line is the node.
#include "fence/error.h"
#include "fence/meatware_protocol.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view message = hakit::fuzz::text(data, size);
  const std::string_view node = hakit::fuzz::take_line(message);
  hakit::fence::confirms(message, node);
  try {
    hakit::fence::meatware_fifo_path(node);
    hakit::fence::confirms(hakit::fence::meatware_reply(node), node);
  } catch (const hakit::fence::Error&) {
  }
  return 0;
}
