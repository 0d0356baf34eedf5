// The one error type of the fencing core. Device code throws it; the two fronts catch
// it at a single boundary and turn its kind into a fence-agent exit code or a
// cluster-glue result code. Nothing else may end a fencing action with a failure, and
// nothing but VerifiedPower may end one with success.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace hakit::fence {

enum class ErrorKind {
  kBadConfig,      ///< missing or malformed option: fix the configuration
  kAccess,         ///< the device refused us: login, password, community, privilege
  kUnreachable,    ///< no answer from the device at all (network, connection lost)
  kUnknownTarget,  ///< the device does not know this plug / outlet / host
  kFailed,         ///< the device answered but the operation failed, or its state was unreadable
  kTimeout,        ///< the device did not reach the requested state within power_timeout/deadline
  kUnsupported,    ///< this device cannot do that (e.g. meatware has no "on")
};

class Error : public std::runtime_error {
 public:
  /// `message` is one line saying what failed, on which device or target, and for
  /// kBadConfig which option to fix. It must never contain a secret.
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

/// fence-agents' exit codes (fencing.py EC_*).
namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kGeneric = 1;
inline constexpr int kBadArgs = 2;
inline constexpr int kLoginDenied = 3;
inline constexpr int kConnectionLost = 4;
inline constexpr int kTimedOut = 5;
inline constexpr int kWaitingOn = 6;
inline constexpr int kWaitingOff = 7;
inline constexpr int kStatus = 8;
/// For the status action only: the target is off (0 is on, 1 any failure).
inline constexpr int kStatusOff = 2;
}  // namespace exit_code

/// The fence-agent exit code for an error raised during `action` ("off", "status", ...).
/// During status every error is 1, since 2 would read as "off"; a kTimeout while
/// switching off or on is EC_WAITING_OFF / EC_WAITING_ON as in fencing.py.
int fence_agent_exit_code(ErrorKind kind, std::string_view action);

/// cluster-glue's result codes (include/stonith/stonith.h), used as an external plugin's exit
/// status: kBadConfig S_BADCONFIG(1), kAccess S_ACCESS(2), kUnsupported S_INVAL(3),
/// kUnknownTarget S_BADHOST(4), kFailed S_RESETFAIL(5), kTimeout S_TIMEOUT(6),
/// kUnreachable S_OOPS(8).
int stonith_result_code(ErrorKind kind);

/// "bad configuration", "access denied", ...: for messages.
std::string_view describe(ErrorKind kind);

}  // namespace hakit::fence
