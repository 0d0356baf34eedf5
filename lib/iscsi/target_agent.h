// ocf:hakit:iSCSITarget: exports an iSCSI target (tgt, LIO through targetcli or
// lio-utils, IET). Parameters and behaviour follow ocf:heartbeat:iSCSITarget; see
// metadata/iSCSITarget.xml.
#pragma once

#include "ocf/agent.h"

namespace hakit::iscsi {

class TargetAgent : public ocf::Agent {
 public:
  /// Parameter syntax and the implementation's tools.
  void validate(const ocf::Context& ctx) override;
  ocf::ExitCode start(const ocf::Context& ctx) override;
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// Asks the implementation whether the target exists (one tgtadm call for tgt, configfs
  /// reads for LIO, /proc/net/iet for IET).
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
};

}  // namespace hakit::iscsi
