#include "ocf/metadata.h"

namespace hakit::ocf {

const ParamSpec* AgentMetadata::param(std::string_view param_name) const {
  for (const auto& spec : params) {
    if (spec.name == param_name) return &spec;
  }
  return nullptr;
}

const ActionSpec* AgentMetadata::action(std::string_view action_name) const {
  for (const auto& spec : actions) {
    if (spec.name == action_name) return &spec;
  }
  return nullptr;
}

}  // namespace hakit::ocf
