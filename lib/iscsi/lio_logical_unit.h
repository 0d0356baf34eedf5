// A LUN of a LIO target, configured with targetcli ("lio-t"): a backstore named after the
// resource (block, fileio or pscsi) linked as the configured LUN number, read back from
// configfs.
#pragma once

#include "iscsi/drivers.h"
#include "iscsi/lio_configfs.h"

namespace hakit::iscsi {

/// The targetcli commands that create the backstore (unless `reuse_backstore`), set its
/// attributes, link it as LUN `config.lun` and map it for the allowed initiators that have
/// no ACL yet (existing ACLs get it mapped by targetcli), then list the LUNs to check.
std::vector<std::string> lio_logical_unit_commands(const LogicalUnitConfig& config,
                                                   const LioConfigfs& now, bool reuse_backstore);

class LioLogicalUnitDriver : public LogicalUnitDriver {
 public:
  LioLogicalUnitDriver(const LogicalUnitConfig& config, const exec::Deadline& deadline,
                       LioConfigfs configfs = LioConfigfs());
  LogicalUnitStatus status() override;
  /// One targetcli session; its LUN listing must show our backstore and path at our LUN
  /// number (the shell agent guessed the index and got it wrong with a second LUN).
  void start() override;
  /// Unlinks the LUN and deletes the backstore in one session.
  void stop() override;

 private:
  const LogicalUnitConfig& config_;
  exec::Deadline deadline_;
  LioConfigfs configfs_;
};

}  // namespace hakit::iscsi
