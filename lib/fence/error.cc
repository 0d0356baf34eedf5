#include "fence/error.h"

namespace hakit::fence {

int fence_agent_exit_code(ErrorKind kind, std::string_view action) {
  if (action == "status") return exit_code::kGeneric;
  switch (kind) {
    case ErrorKind::kBadConfig:
      return exit_code::kBadArgs;
    case ErrorKind::kAccess:
      return exit_code::kLoginDenied;
    case ErrorKind::kUnreachable:
      return exit_code::kConnectionLost;
    case ErrorKind::kTimeout:
      if (action == "off" || action == "reboot") return exit_code::kWaitingOff;
      if (action == "on") return exit_code::kWaitingOn;
      return exit_code::kTimedOut;
    case ErrorKind::kUnknownTarget:
    case ErrorKind::kFailed:
    case ErrorKind::kUnsupported:
      break;
  }
  return exit_code::kGeneric;
}

int stonith_result_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadConfig:
      return 1;  // S_BADCONFIG
    case ErrorKind::kAccess:
      return 2;  // S_ACCESS
    case ErrorKind::kUnsupported:
      return 3;  // S_INVAL
    case ErrorKind::kUnknownTarget:
      return 4;  // S_BADHOST
    case ErrorKind::kFailed:
      return 5;  // S_RESETFAIL
    case ErrorKind::kTimeout:
      return 6;  // S_TIMEOUT
    case ErrorKind::kUnreachable:
      break;
  }
  return 8;  // S_OOPS
}

std::string_view describe(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadConfig:
      return "bad configuration";
    case ErrorKind::kAccess:
      return "access denied";
    case ErrorKind::kUnreachable:
      return "device unreachable";
    case ErrorKind::kUnknownTarget:
      return "unknown target";
    case ErrorKind::kFailed:
      return "failed";
    case ErrorKind::kTimeout:
      return "timed out";
    case ErrorKind::kUnsupported:
      break;
  }
  return "unsupported";
}

}  // namespace hakit::fence
