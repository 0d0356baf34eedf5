// A target in the kernel's LIO, configured with targetcli ("lio-t") and read back from
// configfs.
#pragma once

#include "iscsi/drivers.h"
#include "iscsi/lio_configfs.h"

namespace hakit::iscsi {

/// "192.0.2.1:3260", "[fd00::1]:3260": how LIO names a portal.
std::string lio_portal_name(const Portal& portal);

/// The targetcli commands that create the target as configured: portal group 1 with the
/// portals (the default one too, which the shell agent never creates), parameters, the ACL
/// or open access, CHAP, and enabled.
std::vector<std::string> lio_target_commands(const TargetConfig& config, const LioConfigfs& now);

class LioTargetDriver : public TargetDriver {
 public:
  LioTargetDriver(const TargetConfig& config, const exec::Deadline& deadline,
                  LioConfigfs configfs = LioConfigfs());
  /// The target exists and portal group 1 is enabled (configfs).
  bool running() override;
  /// One targetcli session, then every portal checked in configfs.
  void start() override;
  void stop() override;

 private:
  const TargetConfig& config_;
  exec::Deadline deadline_;
  LioConfigfs configfs_;
};

}  // namespace hakit::iscsi
