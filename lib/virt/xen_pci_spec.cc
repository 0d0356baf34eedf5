#include "virt/xen_pci_spec.h"

#include <charconv>

#include "util/strings.h"
#include "virt/spec_fields.h"

namespace hakit::virt {
namespace {

/// A hexadecimal field of the address, within `max`; false when it is not one.
bool hex_field(std::string_view text, unsigned max, unsigned& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  return !text.empty() && error == std::errc() && end == text.data() + text.size() && value <= max;
}

}  // namespace

PciSpec parse_xen_pci_spec(std::string_view spec, int line) {
  const auto fail = [&](const std::string& message) {
    throw ConfigError(line, cat("pci '", spec, "': ", message));
  };
  std::string_view bdf;
  for (const auto& field : split_spec_fields(spec)) {
    if (field.key.empty() || field.key == "bdf") {
      if (!bdf.empty()) fail("more than one device address");
      bdf = field.value;
    }
    // permissive, msitranslate, seize, power_mgmt, rdm_policy: Xen's own business
  }
  bdf = bdf.substr(0, bdf.find('@'));  // @VSLOT: the guest slot, left to the hypervisor
  if (bdf.ends_with(".*")) fail("a wildcard function cannot be passed through as one device");

  PciSpec pci;
  pci.line = line;
  const std::size_t dot = bdf.rfind('.');
  const std::size_t last_colon = bdf.rfind(':', dot);
  const std::size_t first_colon = bdf.find(':');
  const bool has_domain = first_colon != last_colon;
  const bool parsed = dot != std::string_view::npos && last_colon != std::string_view::npos &&
                      (!has_domain || hex_field(bdf.substr(0, first_colon), 0xffff, pci.domain)) &&
                      hex_field(bdf.substr(has_domain ? first_colon + 1 : 0,
                                           last_colon - (has_domain ? first_colon + 1 : 0)),
                                0xff, pci.bus) &&
                      hex_field(bdf.substr(last_colon + 1, dot - last_colon - 1), 0x1f, pci.slot) &&
                      hex_field(bdf.substr(dot + 1), 7, pci.function);
  if (!parsed) fail(cat("\"", bdf, "\" is not a PCI address such as 0000:01:00.0"));
  return pci;
}

}  // namespace hakit::virt
