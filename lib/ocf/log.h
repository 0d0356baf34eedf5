// Logging as ocf_log does it: every line to stderr (Pacemaker's executor records
// it), to syslog unless HA_LOGFACILITY is "none", and appended to HA_logfile /
// HA_debugfile when those are set and writable. Nothing ever goes to stdout.
#pragma once

#include <string>
#include <string_view>

#include "ocf/environment.h"

namespace hakit::ocf {

enum class Severity { kDebug, kInfo, kNotice, kWarning, kError, kCritical };

/// Called once by the dispatcher; `agent` and the resource instance form the tag
/// ("Filesystem(fs1)[1234]"). Until then, lines go to stderr only.
void configure_logging(std::string_view agent, const Environment& env);

void log(Severity severity, std::string_view message);
inline void log_debug(std::string_view m) { log(Severity::kDebug, m); }
inline void log_info(std::string_view m) { log(Severity::kInfo, m); }
inline void log_warning(std::string_view m) { log(Severity::kWarning, m); }
inline void log_error(std::string_view m) { log(Severity::kError, m); }

/// Also writes every line, debug ones included, to the file at `path` (trace_ra).
void trace_to(const std::string& path);

/// Writes "ocf-exit-reason:<reason>" (or $OCF_EXIT_REASON_PREFIX) on stderr and logs it as an
/// error.
void exit_reason(std::string_view reason);

}  // namespace hakit::ocf
