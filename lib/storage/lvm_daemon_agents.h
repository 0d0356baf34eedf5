// The LVM lock daemons as cluster resources (clones):
//  - ocf:hakit:lvmlockd (ocf:heartbeat:lvmlockd): today's lock manager for shared VGs,
//    on top of the DLM (metadata/lvmlockd.xml);
//  - ocf:hakit:clvmd (SLES 11's ocf:lvm2:clvmd): clvmd where it still exists. LVM 2.03
//    removed clvmd, so on current distributions every action but stop and monitor fails
//    with OCF_ERR_INSTALLED and says to use lvmlockd (metadata/clvmd.xml).
#pragma once

#include "ocf/agent.h"

namespace hakit::storage {

class LvmlockdAgent : public ocf::Agent {
 public:
  /// Needs lvmlockd, lvmlockctl and dlm_tool installed.
  void validate(const ocf::Context& ctx) override;
  /// Needs use_lvmlockd=1 in lvm.conf and dlm_controld running (order it after controld).
  ocf::ExitCode start(const ocf::Context& ctx) override;
  /// Stops the lockspaces of shared VGs first (lvmlockctl --stop-lockspaces).
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
};

class ClvmdAgent : public ocf::Agent {
 public:
  void validate(const ocf::Context& ctx) override;
  ocf::ExitCode start(const ocf::Context& ctx) override;
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
};

}  // namespace hakit::storage
