// `hakit check`: a conformance run of one agent. It does everything ocf-tester
// does, in the same order and with the same side effects (the resource is really
// started, promoted, restarted and stopped), and adds what ocf-tester misses:
// validation against the OCF 1.1 RelaxNG, validate-all rejecting a configuration
// without its required parameters, the advertised monitor depths and reload-agent,
// and, across every run, an empty stdout, an exit reason with every error, and
// each action finishing within its advertised timeout.
#pragma once

#include "hakit/agent_runner.h"
#include "hakit/check_session.h"
#include "hakit/report.h"

namespace hakit::cli {

/// Runs every check against `target`, handing each result to `observer` as it is made.
/// Leaves the resource stopped if it got as far as starting it.
Report run_conformance(const AgentTarget& target, const CheckObserver& observer);

}  // namespace hakit::cli
