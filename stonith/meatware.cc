// fence_hakit_meatware and external/hakit-meatware: an operator fences, and confirms with
// hakit-meatclient (meatware_device.h).
#include <memory>

#include "fence/front.h"
#include "fence/meatware_device.h"
#include "metadata/fence_hakit_meatware.h"

namespace hakit::fence {
namespace {

// cluster-glue's meatware has only hostlist; confirm_timeout is hakit's (it waited 600 s).
constexpr LegacyParam kLegacy[] = {
    {.name = "hostlist", .option = "hostlist", .required = true, .config_name = true},
    {.name = "confirm_timeout", .option = "confirm_timeout"},
};

const DeviceSpec kMeatware{
    .device = "meatware",
    .metadata = metadata::fence_hakit_meatware,
    .legacy = kLegacy,
    .make = [](const Options& options) -> std::unique_ptr<Device> {
      return std::make_unique<MeatwareDevice>(options);
    },
};

}  // namespace
}  // namespace hakit::fence

int main(int argc, char** argv) {
  return hakit::fence::run_front(hakit::fence::kMeatware, argc, argv);
}
