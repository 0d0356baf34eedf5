#include "virt/spec_fields.h"

#include "util/strings.h"

namespace hakit::virt {

std::vector<SpecField> split_spec_fields(std::string_view spec) {
  std::vector<SpecField> fields;
  while (true) {
    const std::string_view rest = trim(spec);
    std::size_t comma = spec.find(',');
    if (rest.starts_with("target=")) comma = std::string_view::npos;
    const std::string_view field = trim(spec.substr(0, comma));
    const std::size_t equals = field.find('=');
    if (equals == std::string_view::npos) {
      fields.push_back({{}, field});
    } else {
      fields.push_back({trim(field.substr(0, equals)), trim(field.substr(equals + 1))});
    }
    if (comma == std::string_view::npos) return fields;
    spec.remove_prefix(comma + 1);
  }
}

}  // namespace hakit::virt
