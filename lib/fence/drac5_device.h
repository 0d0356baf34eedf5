// A Dell DRAC 5 (one server) or CMC (a chassis of modules), driven with racadm over SSH:
//   racadm serveraction powerstatus | powerdown | powerup | powercycle   [-m MODULE on a CMC]
// sent as exec requests on one SshSession per action (as cluster-glue's external/drac5
// sent them; fence_drac5 typed them at an interactive prompt instead). The host key is
// verified against known_hosts unless ssh_insecure or ssh_options say otherwise
// (ssh_login.h).
//
// status reads "Server power status: ON" or "... OFF"; any other answer is an Error, never
// a guess. A request answered with "ERROR" or a non-zero exit status is refused. Each
// racadm call is bounded by shell_timeout (reads) or power_timeout (requests), the login by
// login_timeout, all within the action's deadline; a command that overruns fails the
// action and the next command logs in again.
//
// A DRAC 5 powers one server: no target needs to be named, and when `hostname` is set, any
// other target is refused as unknown. On a CMC (drac_version=DRAC CMC) `plug` names the module.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fence/device.h"
#include "fence/options.h"
#include "fence/ssh_session.h"

namespace hakit::fence {

class Drac5Device final : public Device {
 public:
  /// Reads the login options, drac_version, hostname and the timeouts; throws
  /// Error(kBadConfig) for a telnet request (ssh=0) or an unsupported drac_version.
  explicit Drac5Device(const Options& options);

  Capabilities capabilities() const override;
  /// A DRAC 5's server: `hostname`, else the DRAC's address. None for a CMC.
  std::optional<std::string> sole_target() const override;
  /// `hostname`, when set: the server this DRAC 5 powers.
  std::vector<Plug> list(const exec::Deadline& deadline) override;
  PowerState status(const std::string& plug, const exec::Deadline& deadline) override;
  void power_on(const std::string& plug, const exec::Deadline& deadline) override;
  void power_off(const std::string& plug, const exec::Deadline& deadline) override;
  void power_cycle(const std::string& plug, const exec::Deadline& deadline) override;
  /// Logs in: the DRAC answers, its host key is the known one and it accepts the login.
  void check(const exec::Deadline& deadline) override;

 private:
  /// "racadm serveraction <action>" for `plug`, after checking that the device knows it.
  std::string racadm_command(std::string_view action, const std::string& plug) const;
  SshOutput racadm(const std::string& command, exec::Millis limit, const exec::Deadline& deadline);
  void request(std::string_view action, const std::string& plug, const exec::Deadline& deadline);
  SshSession& session(const exec::Deadline& deadline);

  Options options_;       ///< for the login, made when first needed (password_script runs then)
  bool chassis_ = false;  ///< a CMC: plug is the module
  std::string hostname_;
  exec::Millis login_timeout_;
  exec::Millis shell_timeout_;
  exec::Millis power_timeout_;
  std::optional<SshSession> session_;
};

/// The state in racadm's "Server power status: ON|OFF" answer; Error(kFailed) quoting the
/// output for anything else.
PowerState parse_power_status(std::string_view output);

}  // namespace hakit::fence
