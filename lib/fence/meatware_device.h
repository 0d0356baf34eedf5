// The meatware device: a human fences. off and reboot log a CRIT request for the operator
// and wait, at most confirm_timeout, for the confirmation that the node was power-cycled
// or cut off: hakit-meatclient -c NODE (or cluster-glue's meatclient) writing into
// /run/meatware.<node> (meatware_protocol.h). Without it the action fails; it never
// succeeds on its own. on is unsupported and so is status: only the operator knows.
//
// In Pacemaker, `stonith_admin --confirm NODE` is the native way to tell the cluster a node
// is down. It settles the cluster's view at once but does not end the agent's wait, so the
// device also watches the fencer's history every few seconds and takes a manual
// confirmation made after the request began as the operator's answer. The fencer's own
// timeout (pcmk_reboot_timeout, pcmk_off_timeout) must exceed confirm_timeout, or the fencer
// kills the request first (its FIFO then stays until the next request replaces it, and
// hakit-meatclient reports that nobody is waiting).
#pragma once

#include <string>
#include <vector>

#include "fence/device.h"
#include "fence/options.h"

namespace hakit::fence {

class MeatwareDevice final : public Device {
 public:
  /// Reads `hostlist` and `confirm_timeout`.
  explicit MeatwareDevice(const Options& options);

  Capabilities capabilities() const override;
  std::vector<Plug> list(const exec::Deadline& deadline) override;
  PowerState status(const std::string& plug, const exec::Deadline& deadline) override;
  void power_on(const std::string& plug, const exec::Deadline& deadline) override;
  void power_off(const std::string& plug, const exec::Deadline& deadline) override;
  void power_cycle(const std::string& plug, const exec::Deadline& deadline) override;
  /// The FIFO directory is there and writable.
  void check(const exec::Deadline& deadline) override;

 private:
  void await_operator(const std::string& node, std::string_view request,
                      const exec::Deadline& deadline);
  std::vector<std::string> hosts_;
  exec::Millis confirm_timeout_;
};

}  // namespace hakit::fence
