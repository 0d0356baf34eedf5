// The meta-data loader of `hakit check` and `hakit run`: whatever an agent prints for
// meta-data (the agent under test may be anyone's).
#include "fuzz_input.h"
#include "hakit/error.h"
#include "hakit/metadata_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto metadata = hakit::cli::read_metadata(hakit::fuzz::text(data, size));
    metadata.advertises("monitor");
    metadata.action("monitor", 10);
    metadata.monitor_depths();
    metadata.required_parameters();
  } catch (const hakit::cli::Error&) {
  }
  return 0;
}
