#include "fence/metadata.h"

#include <algorithm>

namespace hakit::fence {

const OptionSpec* FenceMetadata::option(std::string_view name) const {
  for (const OptionSpec& spec : options) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

const OptionSpec* FenceMetadata::canonical(std::string_view name) const {
  for (const OptionSpec& spec : options) {
    if (spec.obsoletes == name) return &spec;
  }
  return option(name);
}

bool FenceMetadata::advertises(std::string_view action) const {
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

}  // namespace hakit::fence
