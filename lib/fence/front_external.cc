// run_front for external/hakit-<device> (see front.h).
#include "fence/external_front.h"
#include "fence/front.h"

namespace hakit::fence {

int run_front(const DeviceSpec& spec, int argc, char** argv) {
  return run_external_plugin(spec, argc, argv);
}

}  // namespace hakit::fence
