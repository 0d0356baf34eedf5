// ocf:hakit:controld: runs dlm_controld, the DLM's cluster daemon (GFS2, OCFS2 on the pcmk
// stack, lvmlockd need it), as a clone. Parameters and behaviour follow
// ocf:pacemaker:controld; see metadata/controld.xml.
#pragma once

#include "ocf/agent.h"

namespace hakit::storage {

class ControldAgent : public ocf::Agent {
 public:
  /// Refuses globally-unique clones; at OCF_CHECK_LEVEL 10 also needs the daemon binary.
  void validate(const ocf::Context& ctx) override;
  /// Refuses to run with fencing disabled (the DLM blocks forever on a failed node that is
  /// never fenced) unless allow_stonith_disabled, mounts configfs, loads dlm, starts
  /// the daemon and waits until it has configured the kernel's cluster communication.
  ocf::ExitCode start(const ocf::Context& ctx) override;
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// Not running: no process of that name. Failed: a stateful merge, or a lockspace waiting
  /// for fencing that no fencing action will end, or lockspaces left without the daemon.
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
};

}  // namespace hakit::storage
