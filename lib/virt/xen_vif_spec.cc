#include "virt/xen_vif_spec.h"

#include "util/strings.h"
#include "virt/spec_fields.h"

namespace hakit::virt {
namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Six colon-separated hex octets, as libvirt requires.
bool is_mac(std::string_view mac) {
  if (mac.size() != 17) return false;
  for (std::size_t i = 0; i < mac.size(); ++i) {
    if (i % 3 == 2 ? mac[i] != ':' : !is_hex(mac[i])) return false;
  }
  return true;
}

}  // namespace

VifSpec parse_xen_vif_spec(std::string_view spec, int line) {
  VifSpec vif;
  vif.line = line;
  const auto fail = [&](const std::string& message) {
    throw ConfigError(line, cat("vif '", spec, "': ", message));
  };
  for (const auto& field : split_spec_fields(spec)) {
    if (field.key.empty()) {
      if (field.value.empty()) continue;  // '' or a trailing comma
      fail(cat("\"", field.value, "\" is not key=value"));
    }
    const std::string_view key = field.key;
    const std::string_view value = field.value;
    if (key == "mac") {
      if (!is_mac(value)) fail(cat("bad MAC address \"", value, "\" (such as 00:16:3e:01:02:03)"));
      vif.mac = to_lower(value);
    } else if (key == "bridge") {
      if (!is_device_name(value)) fail(cat("bad bridge name \"", value, "\""));
      vif.bridge = value;
    } else if (key == "model") {
      vif.model = value;
    } else if (key == "ip") {
      for (const auto& address : split(value, " ")) {
        if (!is_ip_address(address)) fail(cat("bad IP address \"", address, "\""));
      }
      vif.ip = value;
    } else if (key == "script") {
      vif.script = value;
    } else if (key == "vifname") {
      if (!is_device_name(value)) fail(cat("bad vifname \"", value, "\""));
      vif.vifname = value;
    } else if (key == "type") {
      if (value != "ioemu" && value != "vif" && value != "netfront") {
        fail(cat("unknown type \"", value, "\" (ioemu or vif)"));
      }
    }
    // Other keys (rate, backend, gatewaydev, accel, ...) do not change the guest's XML.
  }
  return vif;
}

}  // namespace hakit::virt
