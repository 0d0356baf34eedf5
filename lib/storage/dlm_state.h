// The kernel DLM and dlm_controld as the controld agent and the cluster filesystems see
// them: dlm_tool's reports (parsed here, run by the callers) and the configfs/sysfs state
// dlm_controld leaves behind.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"

namespace hakit::storage {

/// `dlm_tool status -v` says dlm_controld waits for a stateful merge (a partition healed
/// with lockspaces on both sides: only a reboot clears it).
bool dlm_stateful_merge_wait(std::string_view status_output);
/// `dlm_tool ls` shows a lockspace waiting for a node to be fenced.
bool dlm_waits_for_fencing(std::string_view ls_output);
/// The lockspace names `dlm_tool ls` lists ("name          lvm_global").
std::vector<std::string> dlm_lockspace_names(std::string_view ls_output);

/// dlm_controld has configured the kernel's cluster communication: a node address in
/// CONFIGFS/dlm/cluster/comms/*/addr_list (what the pacemaker agent waits for).
bool dlm_comms_configured(const std::string& configfs = "/sys/kernel/config");
/// Lockspaces the kernel holds (/sys/kernel/dlm/NAME): left without dlm_controld, they
/// are "uncontrolled" and only a reboot frees them.
std::vector<std::string> kernel_lockspaces(const std::string& sys_dlm = "/sys/kernel/dlm");

/// Runs `dlm_tool ARGS...` and returns its stdout; "" when it fails.
std::string dlm_tool(const std::vector<std::string>& args, const exec::Deadline& deadline);

}  // namespace hakit::storage
