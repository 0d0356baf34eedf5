// tgtd's management tool, run by argv with the action's deadline: `tgtadm [-C port]
// --lld iscsi ...`. A non-default control port (tgtd -C N) is passed on every call.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/command.h"
#include "exec/deadline.h"
#include "iscsi/tgt_show.h"

namespace hakit::iscsi {

class Tgtadm {
 public:
  Tgtadm(int control_port, const exec::Deadline& deadline)
      : control_port_(control_port), deadline_(deadline) {}

  /// Runs tgtadm with `args` after "--lld iscsi"; returns how it ended. `secrets` are
  /// arguments (the CHAP password: tgtadm takes it nowhere but in argv) kept out of logs.
  exec::Result attempt(const std::vector<std::string>& args,
                       const std::vector<std::string>& secrets = {}) const;

  /// attempt(), and throws Error(kErrGeneric) "<what> failed: <tgtadm's message>" unless
  /// it succeeded (saying that tgtd is not running, when that is why).
  void run(const std::vector<std::string>& args, std::string_view what,
           const std::vector<std::string>& secrets = {}) const;

  /// The targets tgtd has; nullopt when tgtd is not running. Asks tgtd over its control
  /// socket (tgtd_socket.h), else with tgtadm. Throws Error(kErrGeneric) when tgtd is
  /// there but the query fails.
  std::optional<std::vector<TgtTarget>> targets() const;

  /// targets(), and throws Error(kErrGeneric) when tgtd is not running.
  std::vector<TgtTarget> running_targets() const;

  /// "tgtd (control port N)" for messages.
  std::string daemon() const;

 private:
  int control_port_;
  exec::Deadline deadline_;
};

/// Whether tgtadm failed because no tgtd answers on its control socket.
bool tgtd_unreachable(const exec::Result& result);

}  // namespace hakit::iscsi
