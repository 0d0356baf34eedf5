// Everything the two fronts need to know about one device type: its names, its
// meta-data, how its cluster-glue parameters map onto fence-agent options, and how to
// build it. The backend lives in lib/fence (acme_pdu.{h,cc}, its own static library
// hakit_fence_acme when it needs a third-party library); its DeviceSpec and main() live in
// stonith/acme.cc, a few dozen lines, built twice by hakit_add_fence_agent(acme ...) as
// fence_hakit_acme and as external/hakit-acme:
//
//   #include "fence/acme_pdu.h"
//   #include "fence/front.h"
//   #include "metadata/fence_hakit_acme.h"   // generated from metadata/fence_hakit_acme.xml
//
//   namespace hakit::fence {
//   namespace {
//   constexpr LegacyParam kLegacy[] = {
//       {.name = "hostlist", .option = "hostlist", .required = true, .config_name = true},
//       {.name = "pduip", .option = "ip", .required = true, .config_name = true},
//       {.name = "community", .option = "community", .config_name = true},
//   };
//   const DeviceSpec kAcme{
//       .device = "acme",
//       .metadata = metadata::fence_hakit_acme,
//       .legacy = kLegacy,
//       .make = [](const Options& o) -> std::unique_ptr<Device> {
//         return std::make_unique<AcmePdu>(o);
//       },
//   };
//   }  // namespace
//   }  // namespace hakit::fence
//
//   int main(int argc, char** argv) {
//     return hakit::fence::run_front(hakit::fence::kAcme, argc, argv);
//   }
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "fence/device.h"
#include "fence/metadata.h"
#include "fence/options.h"

namespace hakit::fence {

/// One parameter of the cluster-glue external plugin: an environment variable the
/// plugin loader sets, and the fence-agent option it feeds.
struct LegacyParam {
  std::string_view name;    ///< "pduip", "userid", "hostlist"
  std::string_view option;  ///< "ip", "username", "hostlist": declared in the meta-data
  bool required = false;    ///< required in getinfo-xml (the fence option may differ)
  /// Printed by getconfignames, in this order: the legacy `stonith -p "v1 v2"` order.
  bool config_name = false;
  std::string_view default_value = {};  ///< getinfo-xml default, when it differs from the option's
};

struct DeviceSpec {
  std::string_view device;  ///< "null": fence_hakit_null, external/hakit-null
  const FenceMetadata& metadata;
  std::span<const LegacyParam> legacy;
  /// Builds the device from its options; throws Error(kBadConfig) for a bad configuration
  /// (this is validate-all). Called once per action, after check_required().
  std::unique_ptr<Device> (*make)(const Options& options);
};

}  // namespace hakit::fence
