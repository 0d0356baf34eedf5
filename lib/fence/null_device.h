// The null device: fences nothing and reports success, for testing a cluster's fencing
// configuration (cluster-glue's null, fence-agents' fence_dummy). Every target reads as
// on; the host list keeps the case it was given in (cluster-glue's lowercases it).
#pragma once

#include <string>
#include <vector>

#include "fence/device.h"
#include "fence/options.h"

namespace hakit::fence {

class NullDevice final : public Device {
 public:
  /// Reads `hostlist` (names separated by blanks or commas).
  explicit NullDevice(const Options& options);

  Capabilities capabilities() const override;
  std::vector<Plug> list(const exec::Deadline& deadline) override;
  PowerState status(const std::string& plug, const exec::Deadline& deadline) override;
  void power_on(const std::string& plug, const exec::Deadline& deadline) override;
  void power_off(const std::string& plug, const exec::Deadline& deadline) override;
  void power_cycle(const std::string& plug, const exec::Deadline& deadline) override;
  void check(const exec::Deadline& deadline) override;

 private:
  std::vector<std::string> hosts_;
};

/// `hostlist` split on blanks and commas, as cluster-glue's plugins read it.
std::vector<std::string> host_list(const Options& options);

}  // namespace hakit::fence
