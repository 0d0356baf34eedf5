// run_front for fence_hakit_<device> (see front.h).
#include "fence/fence_agent_front.h"
#include "fence/front.h"

namespace hakit::fence {

int run_front(const DeviceSpec& spec, int argc, char** argv) {
  return run_fence_agent(spec, argc, argv);
}

}  // namespace hakit::fence
