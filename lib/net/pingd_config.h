// The pingd agent's parameters, checked and typed once: ocf:pacemaker:ping's names and
// meanings plus ocf:heartbeat:pingd's `set`. Every syntax error is an
// ocf::Error(kErrConfigured) whose reason names the parameter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exec/deadline.h"
#include "net/host_list.h"
#include "net/reachability.h"
#include "ocf/environment.h"
#include "ocf/parameters.h"

namespace hakit::net {

/// ocf:pacemaker:ping's debug: false, true (log every result) or verbose (also round trips).
enum class DebugLevel { kOff, kOn, kVerbose };

struct PingdConfig {
  std::string attribute;      ///< name: the node attribute
  std::string attribute_set;  ///< set: attrd_updater -s; empty: attrd's default
  std::vector<Host> hosts;    ///< host_list
  long long multiplier = 1;
  exec::Millis dampen{5000};
  ProbeSettings probe;  ///< attempts, timeout, and -I from options
  std::optional<long long> failure_score;
  DebugLevel debug = DebugLevel::kOff;
  std::string state_file;  ///< pidfile: exists while the resource is started
  /// Parts of `options` and `use_fping` that have no meaning without a ping program,
  /// for validate to warn about.
  std::vector<std::string> ignored;

  static PingdConfig from(const ocf::Parameters& params, const ocf::Environment& env);
};

/// ping's `options`: `-I INTERFACE` or `-I ADDRESS` choose where requests leave from; any
/// other option is returned in `ignored`.
SourceBinding parse_ping_options(std::string_view options, std::vector<std::string>& ignored);

}  // namespace hakit::net
