// pingd's state file, read back by every monitor (whatever a crash or an editor left).
#include "fuzz_input.h"
#include "net/pingd_state.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto state = hakit::net::PingdState::parse(hakit::fuzz::text(data, size));
  hakit::net::dampening_changed(state, hakit::exec::Millis(5000));
  state.serialize();
  return 0;
}
