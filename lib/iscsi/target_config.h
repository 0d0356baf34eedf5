// The iSCSITarget resource's parameters, read and checked (see metadata/iSCSITarget.xml).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iscsi/implementation.h"
#include "iscsi/word_lists.h"
#include "ocf/parameters.h"

namespace hakit::iscsi {

struct TargetConfig {
  Implementation implementation = Implementation::kTgt;
  std::string iqn;
  std::optional<int> tid;  ///< tgt and IET; chosen at start when not given
  std::vector<Portal> portals;
  bool portals_set = false;  ///< given, as opposed to the default
  std::vector<std::string> iser_portals;
  std::vector<std::string> allowed_initiators;  ///< empty: every initiator may log in
  std::string incoming_username;
  std::string incoming_password;  ///< a secret: never on a log line or in an exit reason
  std::vector<NameValue> additional_parameters;
  int tgt_control_port = 0;  ///< tgtd's management channel (tgtadm -C)
};

/// Reads the parameters and checks their syntax. Throws Error(kErrConfigured) saying what
/// to fix (an invalid IQN, a password without a user, ...).
TargetConfig read_target_config(const ocf::Parameters& params);

/// Logs a warning for each parameter that `config.implementation` ignores.
void warn_about_ignored_parameters(const TargetConfig& config);

}  // namespace hakit::iscsi
