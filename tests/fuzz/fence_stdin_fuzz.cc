// The fence agent's stdin, as Pacemaker's fencer (or anyone running the agent) writes it:
// key=value lines parsed against each device's meta-data, then every option read typed.
#include "fence/error.h"
#include "fence/options.h"
#include "fuzz_input.h"
#include "metadata/fence_hakit_drac5.h"
#include "metadata/fence_hakit_ipmi.h"
#include "metadata/fence_hakit_meatware.h"
#include "metadata/fence_hakit_rackpdu.h"

using hakit::fence::Options;

namespace {

void read_every_option(const Options& options) {
  for (const auto& spec : options.metadata().options) {
    try {
      options.str(spec.name);
      options.flag(spec.name);
      options.integer(spec.name);
    } catch (const hakit::fence::Error&) {
    }
    try {
      options.seconds(spec.name);
    } catch (const hakit::fence::Error&) {
    }
  }
  try {
    options.check_required();
    options.target();
  } catch (const hakit::fence::Error&) {
  }
  options.describe();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const hakit::fence::FenceMetadata* devices[] = {
      &hakit::metadata::fence_hakit_ipmi, &hakit::metadata::fence_hakit_rackpdu,
      &hakit::metadata::fence_hakit_drac5, &hakit::metadata::fence_hakit_meatware};
  const auto& metadata = *devices[data[0] % std::size(devices)];
  read_every_option(Options::from_stdin(metadata, hakit::fuzz::text(data + 1, size - 1)));
  return 0;
}
