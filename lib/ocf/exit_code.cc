#include "ocf/exit_code.h"

#include <array>

namespace hakit::ocf {
namespace {

struct Entry {
  ExitCode code;
  std::string_view name;
  std::string_view description;
};

constexpr std::array kCodes = {
    Entry{ExitCode::kSuccess, "OCF_SUCCESS", "ok"},
    Entry{ExitCode::kErrGeneric, "OCF_ERR_GENERIC", "error"},
    Entry{ExitCode::kErrArgs, "OCF_ERR_ARGS", "invalid parameter"},
    Entry{ExitCode::kErrUnimplemented, "OCF_ERR_UNIMPLEMENTED", "unimplemented feature"},
    Entry{ExitCode::kErrPerm, "OCF_ERR_PERM", "insufficient privileges"},
    Entry{ExitCode::kErrInstalled, "OCF_ERR_INSTALLED", "not installed"},
    Entry{ExitCode::kErrConfigured, "OCF_ERR_CONFIGURED", "not configured"},
    Entry{ExitCode::kNotRunning, "OCF_NOT_RUNNING", "not running"},
    Entry{ExitCode::kRunningPromoted, "OCF_RUNNING_PROMOTED", "promoted"},
    Entry{ExitCode::kFailedPromoted, "OCF_FAILED_PROMOTED", "promoted (failed)"},
    Entry{ExitCode::kDegraded, "OCF_DEGRADED", "degraded"},
    Entry{ExitCode::kDegradedPromoted, "OCF_DEGRADED_PROMOTED", "promoted (degraded)"},
};

const Entry* find(ExitCode code) {
  for (const auto& entry : kCodes) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

}  // namespace

std::string_view exit_code_name(ExitCode code) {
  const Entry* entry = find(code);
  return entry != nullptr ? entry->name : "UNKNOWN";
}

std::string_view exit_code_description(ExitCode code) {
  const Entry* entry = find(code);
  return entry != nullptr ? entry->description : "unknown";
}

std::optional<ExitCode> exit_code_from_int(int status) {
  const Entry* entry = find(static_cast<ExitCode>(status));
  if (entry == nullptr) return std::nullopt;
  return entry->code;
}

}  // namespace hakit::ocf
