// An agent's meta-data. The XML in metadata/<Agent>.xml is the one source of
// truth: at build time it is embedded verbatim and its parameter and action
// tables are generated from it (tools/embed-metadata), so no XML is parsed when
// an agent runs.
#pragma once

#include <span>
#include <string_view>

#include "exec/deadline.h"

namespace hakit::ocf {

enum class ParamType { kString, kInteger, kBoolean, kTime };

struct ParamSpec {
  std::string_view name;
  ParamType type = ParamType::kString;
  bool required = false;
  bool has_default = false;
  std::string_view default_value;
};

struct ActionSpec {
  std::string_view name;
  exec::Millis timeout{0};
  exec::Millis interval{0};
  int depth = 0;
  std::string_view role;
};

struct AgentMetadata {
  std::string_view name;
  std::string_view xml;
  std::span<const ParamSpec> params;
  std::span<const ActionSpec> actions;

  const ParamSpec* param(std::string_view name) const;
  /// The first advertised action of that name (any depth or role).
  const ActionSpec* action(std::string_view name) const;
  bool advertises(std::string_view action_name) const { return action(action_name) != nullptr; }
};

}  // namespace hakit::ocf
