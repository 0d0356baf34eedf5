// Logging for the fronts, through ocf/log.h: every line on stderr (which Pacemaker's
// fencer records in its log), and to syslog as facility daemon unless HA_LOGFACILITY
// says otherwise, so that meatware's CRIT request reaches the operator's console.
// Debug lines (commands run, options ignored) only with verbose=1 or HA_debug=1.
#pragma once

#include <string_view>

namespace hakit::fence {

/// `tag` names the program ("fence_hakit_null", "stonith/hakit-null"), `target` the
/// node being acted on (may be empty).
void start_logging(std::string_view tag, std::string_view target, bool verbose);

}  // namespace hakit::fence
