// Test support: the OCF exit codes as the plain ints a process's exit status is compared
// with, so that tests spell them once, from ExitCode.
#pragma once

#include "ocf/exit_code.h"

namespace hakit::testing {

inline constexpr int kOcfSuccess = static_cast<int>(ocf::ExitCode::kSuccess);
inline constexpr int kOcfGeneric = static_cast<int>(ocf::ExitCode::kErrGeneric);
inline constexpr int kOcfInstalled = static_cast<int>(ocf::ExitCode::kErrInstalled);
inline constexpr int kOcfConfigured = static_cast<int>(ocf::ExitCode::kErrConfigured);
inline constexpr int kOcfNotRunning = static_cast<int>(ocf::ExitCode::kNotRunning);

}  // namespace hakit::testing
