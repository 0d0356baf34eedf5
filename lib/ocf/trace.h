// Diagnostics for slow or failing actions: every external command is logged at debug
// level with its result and duration, and with trace_ra=1 (or OCF_TRACE_RA=1) each
// action writes a trace file, as ocf-shellfuncs does for shell agents.
#pragma once

#include <string_view>

#include "ocf/environment.h"

namespace hakit::ocf {

/// Installs the command logger and, when tracing is requested, opens
/// $HA_VARLIB/trace_ra/<type>/<instance>.<action>.<timestamp> (or trace_file).
void start_tracing(std::string_view agent, const Environment& env, std::string_view action);

}  // namespace hakit::ocf
