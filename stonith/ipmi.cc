// fence_hakit_ipmi and external/hakit-ipmi: a BMC over IPMI 1.5 or 2.0 (ipmi_device.h).
#include <memory>

#include "fence/front.h"
#include "fence/ipmi_device.h"
#include "metadata/fence_hakit_ipmi.h"

namespace hakit::fence {
namespace {

// external/ipmi's parameters (its `ipmitool` path has no use here), plus the port and
// cipher suite it lacks.
constexpr LegacyParam kLegacy[] = {
    {.name = "hostname", .option = "hostname", .required = true, .config_name = true},
    {.name = "ipaddr", .option = "ip", .required = true, .config_name = true},
    {.name = "userid", .option = "username", .required = true, .config_name = true},
    {.name = "passwd", .option = "password", .required = true, .config_name = true},
    {.name = "interface", .option = "interface", .config_name = true, .default_value = "lan"},
    {.name = "ipport", .option = "ipport"},
    {.name = "cipher", .option = "cipher"},
    {.name = "priv", .option = "privlvl"},
    {.name = "passwd_method", .option = "password_method"},
};

const DeviceSpec kIpmi{
    .device = "ipmi",
    .metadata = metadata::fence_hakit_ipmi,
    .legacy = kLegacy,
    .make = [](const Options& options) -> std::unique_ptr<Device> {
      return std::make_unique<IpmiDevice>(options);
    },
};

}  // namespace
}  // namespace hakit::fence

int main(int argc, char** argv) { return hakit::fence::run_front(hakit::fence::kIpmi, argc, argv); }
