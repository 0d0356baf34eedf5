// targetcli (targetcli-fb), the LIO configuration shell: its commands are batched into one
// session fed on standard input (one Python start-up instead of one per command, and the
// CHAP password on no command line), and the session is serialised with every other
// hakit iSCSI agent's on this node (targetcli is not safe to run concurrently).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"

namespace hakit::iscsi {

/// Runs `commands` in one targetcli session under the node lock "targetcli" (in
/// HA_RSCTMP, shared by iSCSITarget and iSCSILogicalUnit), with preferences of its own
/// (auto-save off: the cluster, not /etc/target/saveconfig.json, owns the configuration).
/// targetcli exits 0 whatever failed, so the errors it printed decide: throws
/// Error(kErrGeneric) "<what> failed: <first error>" with `secrets` blanked out. Returns
/// the session's standard output (what `ls` commands printed).
std::string run_targetcli(const std::vector<std::string>& commands, std::string_view what,
                          const exec::Deadline& deadline,
                          const std::vector<std::string>& secrets = {});

/// The error lines of a session's standard error (one per failed command).
std::vector<std::string> targetcli_errors(std::string_view stderr_text);

struct TargetcliLun {
  int lun = -1;
  std::string backstore_type;  ///< "fileio", "block", ...
  std::string backstore_name;
  std::string path;
};

/// The LUNs of an `ls .../tpg1/luns` listing:
/// "o- lun1 .... [fileio/lu1 (/tmp/lu1.img) (default_tg_pt_gp)]".
std::vector<TargetcliLun> parse_targetcli_luns(std::string_view listing);

}  // namespace hakit::iscsi
