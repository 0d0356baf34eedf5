#include "fence/null_device.h"

#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {

std::vector<std::string> host_list(const Options& options) {
  return split(options.str("hostlist"), " \t\n,");
}

NullDevice::NullDevice(const Options& options) : hosts_(host_list(options)) {}

Capabilities NullDevice::capabilities() const {
  return {.list = true, .cycle = true, .self_confirming = true};
}

std::vector<Plug> NullDevice::list(const exec::Deadline&) {
  std::vector<Plug> plugs;
  for (const std::string& host : hosts_) plugs.push_back({.id = host, .alias = ""});
  return plugs;
}

PowerState NullDevice::status(const std::string&, const exec::Deadline&) { return PowerState::kOn; }

void NullDevice::power_on(const std::string& plug, const exec::Deadline&) {
  ocf::log_info(cat("Host null-on: ", plug));
}

void NullDevice::power_off(const std::string& plug, const exec::Deadline&) {
  ocf::log_info(cat("Host null-off: ", plug));
}

void NullDevice::power_cycle(const std::string& plug, const exec::Deadline&) {
  ocf::log_info(cat("Host null-reset: ", plug));
}

void NullDevice::check(const exec::Deadline&) {}

}  // namespace hakit::fence
