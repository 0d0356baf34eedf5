// The groups of checks run_conformance() runs, in order. Each records its checks
// in the session.
#pragma once

#include "hakit/check_session.h"

namespace hakit::cli {

/// meta-data: as nobody, well-formed, DTD, OCF 1.1 RelaxNG, with OCF_TESTER_FAIL_HAVE_BINARY.
/// Sets the session's meta-data when it can be read.
void check_metadata(CheckSession& session);

/// validate-all with the given parameters, and without the required ones. False when the
/// configuration is rejected, so that nothing can be started with it.
bool check_configuration(CheckSession& session);

/// ocf-tester's state machine, from the initial state through start, promotion and restarts
/// to migration and reload. Throws LifecycleAborted where ocf-tester aborts.
void check_lifecycle(CheckSession& session);

/// While started: each advertised OCF_CHECK_LEVEL depth, and reload-agent.
void check_monitor_depths(CheckSession& session);
void check_reload_agent(CheckSession& session);
/// notify; demote and promote; migrate_to and migrate_from; reload.
void check_notify(CheckSession& session);
void check_promotion(CheckSession& session);
void check_migration(CheckSession& session);
void check_reload(CheckSession& session);

/// Stops the resource and checks that it is stopped: the last word of every run.
void check_final_stop(CheckSession& session);

/// Over every run so far: stdout stayed empty, errors came with exit reasons, and each run
/// finished within its advertised timeout.
void check_every_run(CheckSession& session);

}  // namespace hakit::cli
