// The comma-separated fields of a disk or vif spec string, and the value checks the
// spec parsers share with the config keys (what libvirt's domain schema accepts).
#pragma once

#include <string_view>
#include <vector>

namespace hakit::virt {

struct SpecField {
  std::string_view key;    ///< empty for a positional field
  std::string_view value;  ///< trimmed; may be empty (",,hda")
};

/// Splits "a, b=c,,d" on commas into trimmed fields. A `target=` key takes the rest of
/// the spec, commas included, as xl-disk-configuration(5) says.
std::vector<SpecField> split_spec_fields(std::string_view spec);

/// "/..." on one line: libvirt's absFilePath (kernel, initrd, disk and serial sources).
bool is_absolute_path(std::string_view path);
/// libvirt's deviceName (bridge and interface names): letters, digits and _ . - \ : /
bool is_device_name(std::string_view name);
/// An IPv4 or IPv6 address.
bool is_ip_address(const std::string& address);
/// libvirt's addrIPorName (VNC listen addresses): an IP address or a DNS name.
bool is_address_or_name(const std::string& address);

}  // namespace hakit::virt
