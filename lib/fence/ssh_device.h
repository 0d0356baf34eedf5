// The ssh device, cluster-glue's external/ssh: a node is "fenced" by asking its own shell,
// over SSH (ssh_session.h), to reboot it, with the very command external/ssh sends:
//   echo 'sleep 2; /sbin/reboot -nf' | SHELL=/bin/sh at now >/dev/null 2>&1
// and the reboot counts as done once the node stops answering ICMP echo requests (1.5 s of
// silence) within power_timeout. The node must answer pings before the command is sent,
// and the command must be accepted (exit status 0); otherwise the action fails.
//
// FOR TESTING ONLY - NOT FOR PRODUCTION. It cannot fence the nodes fencing exists for: a
// hung node does not run the command, a node cut off from the network cannot be reached,
// and a node that stops answering pings may still be writing to shared storage. It cannot
// switch anything on or off (on and off are unsupported, as in external/ssh), and status
// only tells a node that answers pings (ON) from one that does not (an error: off and
// unreachable look the same).
//
// Unlike external/ssh it never reports success for a node it could not reach or that
// never answered (external/ssh did), and it verifies the node's host key (known_hosts,
// ssh_insecure) where external/ssh turned checking off.
#pragma once

#include <string>
#include <vector>

#include "fence/device.h"
#include "fence/options.h"

namespace hakit::fence {

class SshDevice final : public Device {
 public:
  /// Reads hostlist (the nodes it may reboot; any node when empty) and the timeouts.
  explicit SshDevice(const Options& options);

  Capabilities capabilities() const override;
  std::vector<Plug> list(const exec::Deadline& deadline) override;
  PowerState status(const std::string& plug, const exec::Deadline& deadline) override;
  /// Unsupported: ssh cannot power a node on, nor (without on) should it power one off.
  void power_on(const std::string& plug, const exec::Deadline& deadline) override;
  void power_off(const std::string& plug, const exec::Deadline& deadline) override;
  /// The reboot and its confirmation (see above).
  void power_cycle(const std::string& plug, const exec::Deadline& deadline) override;
  /// Every host in hostlist resolves to an address.
  void check(const exec::Deadline& deadline) override;

 private:
  /// `plug` as hostlist spells it; Error(kUnknownTarget) when hostlist does not name it.
  std::string known_host(const std::string& plug) const;

  Options options_;  ///< for the login, made when a reboot needs it
  std::vector<std::string> hosts_;
  exec::Millis login_timeout_;
  exec::Millis shell_timeout_;
  exec::Millis power_timeout_;
};

}  // namespace hakit::fence
