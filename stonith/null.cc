// fence_hakit_null and external/hakit-null: the device that fences nothing (null_device.h).
#include <memory>

#include "fence/front.h"
#include "fence/null_device.h"
#include "metadata/fence_hakit_null.h"

namespace hakit::fence {
namespace {

// cluster-glue's null plugin has one parameter.
constexpr LegacyParam kLegacy[] = {
    {.name = "hostlist", .option = "hostlist", .required = true, .config_name = true},
};

const DeviceSpec kNull{
    .device = "null",
    .metadata = metadata::fence_hakit_null,
    .legacy = kLegacy,
    .make = [](const Options& options) -> std::unique_ptr<Device> {
      return std::make_unique<NullDevice>(options);
    },
};

}  // namespace
}  // namespace hakit::fence

int main(int argc, char** argv) { return hakit::fence::run_front(hakit::fence::kNull, argc, argv); }
