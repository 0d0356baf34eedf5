// fence_hakit_drac5 and external/hakit-drac5: racadm over SSH (drac5_device.h).
#include <memory>

#include "fence/drac5_device.h"
#include "fence/front.h"
#include "metadata/fence_hakit_drac5.h"

namespace hakit::fence {
namespace {

// cluster-glue's external/drac5 had hostname, ipaddr and userid and relied on ssh's
// defaults for the rest; the others are hakit's, under their fence-agent names.
constexpr LegacyParam kLegacy[] = {
    {.name = "hostname", .option = "hostname", .config_name = true},
    {.name = "ipaddr", .option = "ip", .required = true, .config_name = true},
    {.name = "userid", .option = "username", .required = true, .config_name = true},
    {.name = "port", .option = "ipport"},
    {.name = "passwd", .option = "password"},
    {.name = "identity_file", .option = "identity_file"},
    {.name = "known_hosts", .option = "known_hosts"},
    {.name = "ssh_insecure", .option = "ssh_insecure"},
    {.name = "drac_version", .option = "drac_version"},
    {.name = "power_timeout", .option = "power_timeout"},
};

const DeviceSpec kDrac5{
    .device = "drac5",
    .metadata = metadata::fence_hakit_drac5,
    .legacy = kLegacy,
    .make = [](const Options& options) -> std::unique_ptr<Device> {
      return std::make_unique<Drac5Device>(options);
    },
};

}  // namespace
}  // namespace hakit::fence

int main(int argc, char** argv) {
  return hakit::fence::run_front(hakit::fence::kDrac5, argc, argv);
}
