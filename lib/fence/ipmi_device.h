// An IPMI BMC as a fencing device: it powers one machine, read with Get Chassis Status and
// switched with Chassis Control (power down, up, cycle) over one session that lasts for
// the whole action (ipmi_session.h), so an off read back costs one login, not one per read.
//
// The machine is `hostname` when that is set: an action naming any other node is
// Error(kUnknownTarget), and the plugin's gethosts lists it. Without it any plug is taken
// for the BMC's machine, as fence_ipmilan does, and an action given no plug acts on it.
// A power cycle of a machine that is off powers it on (a BMC may refuse to cycle a
// machine that is off: fence-agents #596).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fence/device.h"
#include "fence/ipmi_config.h"
#include "fence/ipmi_session.h"
#include "fence/options.h"

namespace hakit::fence {

class IpmiDevice final : public Device {
 public:
  /// Reads the options (ipmi_config.h) and `hostname`; throws Error(kBadConfig).
  explicit IpmiDevice(const Options& options);

  Capabilities capabilities() const override;
  std::optional<std::string> sole_target() const override;
  std::vector<Plug> list(const exec::Deadline& deadline) override;
  PowerState status(const std::string& plug, const exec::Deadline& deadline) override;
  void power_on(const std::string& plug, const exec::Deadline& deadline) override;
  void power_off(const std::string& plug, const exec::Deadline& deadline) override;
  void power_cycle(const std::string& plug, const exec::Deadline& deadline) override;
  /// Logs in and reads the chassis power state.
  void check(const exec::Deadline& deadline) override;

 private:
  /// Throws Error(kUnknownTarget) unless `plug` may name this BMC's machine.
  void require_own(const std::string& plug) const;
  PowerState read_power(const exec::Deadline& deadline);
  void control(ChassisControl control, const exec::Deadline& deadline);
  /// Sends over the session, logging in first when there is none; a session that stopped
  /// answering is dropped, so the next request logs in again.
  std::vector<std::uint8_t> send(const IpmiRequest& request, const exec::Deadline& deadline);

  IpmiConfig config_;
  std::string hostname_;
  std::unique_ptr<IpmiSession> session_;
};

}  // namespace hakit::fence
