// fence_hakit_rackpdu and external/hakit-rackpdu: APC PDU outlets over SNMP
// (rackpdu_device.h).
#include <memory>

#include "fence/front.h"
#include "fence/rackpdu_device.h"
#include "metadata/fence_hakit_rackpdu.h"

namespace hakit::fence {
namespace {

// cluster-glue's external/rackpdu parameters (getconfignames: hostlist pduip community), and
// the SNMP v2c/v3 settings it never had.
constexpr LegacyParam kLegacy[] = {
    {.name = "hostlist", .option = "hostlist", .required = true, .config_name = true},
    {.name = "pduip", .option = "ip", .required = true, .config_name = true},
    {.name = "community", .option = "community", .required = true, .config_name = true},
    {.name = "oid", .option = "oid"},
    {.name = "names_oid", .option = "names_oid"},
    {.name = "outlet_config", .option = "outlet_config"},
    {.name = "outlet_table", .option = "outlet_table"},
    {.name = "snmp_version", .option = "snmp_version"},
    {.name = "username", .option = "username"},
    {.name = "password", .option = "password"},
    {.name = "snmp_sec_level", .option = "snmp_sec_level"},
    {.name = "snmp_auth_prot", .option = "snmp_auth_prot"},
    {.name = "snmp_priv_prot", .option = "snmp_priv_prot"},
    {.name = "snmp_priv_passwd", .option = "snmp_priv_passwd"},
};

const DeviceSpec kRackPdu{
    .device = "rackpdu",
    .metadata = metadata::fence_hakit_rackpdu,
    .legacy = kLegacy,
    .make = [](const Options& options) -> std::unique_ptr<Device> {
      return std::make_unique<RackPdu>(options);
    },
};

}  // namespace
}  // namespace hakit::fence

int main(int argc, char** argv) {
  return hakit::fence::run_front(hakit::fence::kRackPdu, argc, argv);
}
