// One main() for both of a device's executables:
//
//   int main(int argc, char** argv) { return hakit::fence::run_front(kAcme, argc, argv); }
//
// run_front is defined twice, in two small libraries, and each executable links exactly
// one: hakit_fence_agent_front (run_fence_agent) for fence_hakit_<device> and
// hakit_fence_external_front (run_external_plugin) for external/hakit-<device>.
// hakit_add_fence_agent() in cmake/HakitAgent.cmake does the linking.
#pragma once

#include "fence/device_spec.h"

namespace hakit::fence {

int run_front(const DeviceSpec& spec, int argc, char** argv);

}  // namespace hakit::fence
