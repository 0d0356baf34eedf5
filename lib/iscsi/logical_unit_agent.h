// ocf:hakit:iSCSILogicalUnit: exports a block device or file as a LUN of an iSCSI target
// (tgt, LIO through targetcli or lio-utils, IET). Parameters and behaviour follow
// ocf:heartbeat:iSCSILogicalUnit; see metadata/iSCSILogicalUnit.xml.
#pragma once

#include "ocf/agent.h"

namespace hakit::iscsi {

class LogicalUnitAgent : public ocf::Agent {
 public:
  /// Parameter syntax and the implementation's tools.
  void validate(const ocf::Context& ctx) override;
  /// Fails with OCF_ERR_INSTALLED when the backing store is missing on this node.
  ocf::ExitCode start(const ocf::Context& ctx) override;
  /// Leaves a LUN that is backed by another path alone.
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// Running only when the target has the LUN and it is backed by `path`.
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
};

}  // namespace hakit::iscsi
