#include "fence/device.h"

#include "fence/error.h"

namespace hakit::fence {

std::string_view power_state_name(PowerState state) {
  return state == PowerState::kOn ? "ON" : "OFF";
}

std::optional<std::string> Device::sole_target() const { return std::nullopt; }

std::vector<Plug> Device::list(const exec::Deadline&) {
  throw Error(ErrorKind::kUnsupported, "this device cannot list its targets");
}

std::vector<Plug> Device::list_status(const exec::Deadline& deadline) {
  std::vector<Plug> plugs = list(deadline);
  for (Plug& plug : plugs) plug.state = status(plug.id, deadline);
  return plugs;
}

void Device::power_cycle(const std::string&, const exec::Deadline&) {
  throw Error(ErrorKind::kUnsupported, "this device cannot power-cycle");
}

}  // namespace hakit::fence
