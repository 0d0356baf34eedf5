// ocf:hakit:pingd (also installed as ocf:hakit:ping): counts the hosts of host_list
// that answer ICMP echo and writes reachable × multiplier into a node attribute through
// attrd, with dampening, so that location rules move resources away from a node that
// lost its connectivity. Parameters and results follow ocf:pacemaker:ping; see
// metadata/pingd.xml.
#pragma once

#include "ocf/agent.h"

namespace hakit::net {

class PingdAgent : public ocf::Agent {
 public:
  /// Parameter syntax; at OCF_CHECK_LEVEL 10, validate-all also checks that the state
  /// file's directory is writable and that an ICMP socket can be opened.
  void validate(const ocf::Context& ctx) override;
  /// Pings and sets the attribute, giving attrd the dampening (-B).
  ocf::ExitCode start(const ocf::Context& ctx) override;
  /// Removes the state file, the attrd record and the attribute.
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// Pings and updates the attribute, unless the attrd that took the unchanged score
  /// still runs (ocf::AttrdMemo); fails when the score is below failure_score.
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
  /// Applies changed parameters (dampen, multiplier, ...) at once, without a restart.
  ocf::ExitCode reload(const ocf::Context& ctx) override;
};

}  // namespace hakit::net
