// fence_hakit_ssh and external/hakit-ssh: a reboot through the node's own shell, confirmed
// by the node going silent (ssh_device.h). For testing only.
#include <memory>

#include "fence/front.h"
#include "fence/ssh_device.h"
#include "metadata/fence_hakit_ssh.h"

namespace hakit::fence {
namespace {

// cluster-glue's external/ssh had hostlist and livedangerously and logged in as root with
// ssh's defaults; the others are hakit's, under their fence-agent names.
constexpr LegacyParam kLegacy[] = {
    {.name = "hostlist", .option = "hostlist", .required = true, .config_name = true},
    {.name = "livedangerously", .option = "livedangerously"},
    {.name = "port", .option = "ipport"},
    {.name = "identity_file", .option = "identity_file"},
    {.name = "known_hosts", .option = "known_hosts"},
    {.name = "ssh_insecure", .option = "ssh_insecure"},
    {.name = "power_timeout", .option = "power_timeout"},
};

const DeviceSpec kSsh{
    .device = "ssh",
    .metadata = metadata::fence_hakit_ssh,
    .legacy = kLegacy,
    .make = [](const Options& options) -> std::unique_ptr<Device> {
      return std::make_unique<SshDevice>(options);
    },
};

}  // namespace
}  // namespace hakit::fence

int main(int argc, char** argv) { return hakit::fence::run_front(hakit::fence::kSsh, argc, argv); }
