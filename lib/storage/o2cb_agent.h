// ocf:hakit:o2cb (the SLES book's ocf:ocfs2:o2cb, Pacemaker's ocf:pacemaker:o2cb): puts
// OCFS2 on the Pacemaker ("pcmk", user-space) cluster stack as a clone, so that OCFS2
// mounts lock through the kernel DLM that dlm_controld (ocf:hakit:controld) runs.
//
// Start loads ocfs2_stackglue and ocfs2_stack_user, selects the stack in
// SYSFS/ocfs2/cluster_stack and loads ocfs2. Current ocfs2-tools have no
// ocfs2_controld.pcmk (the kernel talks to dlm_controld directly); where that daemon is
// installed it is started as before, within daemon_timeout. Monitor reads sysfs, configfs
// and /proc only. Stop unloads the user stack, which fails while an OCFS2 is mounted.
// See metadata/o2cb.xml.
#pragma once

#include <string>
#include <string_view>

#include "ocf/agent.h"

namespace hakit::storage {

class O2cbAgent : public ocf::Agent {
 public:
  void validate(const ocf::Context& ctx) override;
  ocf::ExitCode start(const ocf::Context& ctx) override;
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
};

/// Whether SYSFS/ocfs2/loaded_plugins lists the user-space stack plugin ("user").
bool lists_user_stack(std::string_view loaded_plugins);

}  // namespace hakit::storage
