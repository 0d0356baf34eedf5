// OCF and Pacemaker result codes (OCF RA API 1.1, Pacemaker results.h).
#pragma once

#include <optional>
#include <string_view>

namespace hakit::ocf {

enum class ExitCode : int {
  kSuccess = 0,
  kErrGeneric = 1,
  kErrArgs = 2,
  kErrUnimplemented = 3,
  kErrPerm = 4,
  kErrInstalled = 5,
  kErrConfigured = 6,
  kNotRunning = 7,
  kRunningPromoted = 8,
  kFailedPromoted = 9,
  kDegraded = 190,
  kDegradedPromoted = 191,
};

/// "OCF_SUCCESS", "OCF_ERR_CONFIGURED", "OCF_DEGRADED", ...; "UNKNOWN" otherwise.
std::string_view exit_code_name(ExitCode code);
/// "OCF_ERR_CONFIGURED" -> "not configured": the words Pacemaker shows in crm_mon.
std::string_view exit_code_description(ExitCode code);
/// The code for a raw exit status, if it is one an agent may return.
std::optional<ExitCode> exit_code_from_int(int status);

}  // namespace hakit::ocf
