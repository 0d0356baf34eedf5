// One logged-in session with a BMC over the LAN, in this process through OpenIPMI's
// low-level connection (ipmi_lanp_setup_con): IPMI 1.5 with the configured
// authentication type, or IPMI 2.0 RMCP+ with the configured cipher suite (never
// negotiated, so no cipher-suite probe). No program is run and the password stays in
// memory. OpenIPMI's callbacks run only inside this class's calls, in a select loop bounded
// by the caller's deadline and the configured timeouts; its log lines go to the debug log,
// never to stdout.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "exec/deadline.h"
#include "fence/ipmi_config.h"
#include "fence/ipmi_messages.h"

namespace hakit::fence {

class IpmiSession {
 public:
  /// Logs in to the BMC within config.login_timeout and `deadline`. Throws Error:
  /// kUnreachable when the BMC does not answer (or the connection cannot be set up),
  /// kAccess when it refuses the login.
  IpmiSession(const IpmiConfig& config, const exec::Deadline& deadline);
  /// Closes the session on the BMC, waiting a second at most: a BMC has few session slots,
  /// and one left open keeps its slot until the BMC times it out.
  ~IpmiSession();
  IpmiSession(const IpmiSession&) = delete;
  IpmiSession& operator=(const IpmiSession&) = delete;

  /// Sends `request` to the BMC and returns its answer after the completion code, within
  /// config.command_timeout and `deadline`. Throws completion_error() for a non-zero
  /// completion code, Error(kUnreachable) when no answer comes or the session is lost.
  std::vector<std::uint8_t> send(const IpmiRequest& request, const exec::Deadline& deadline);

 private:
  class Connection;
  std::unique_ptr<Connection> connection_;
};

}  // namespace hakit::fence
