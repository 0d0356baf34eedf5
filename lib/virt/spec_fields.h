// The comma-separated fields of a disk or vif spec string, shared by both parsers.
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

}  // namespace hakit::virt
