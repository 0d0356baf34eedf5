// What hakit needs to know from an agent's meta-data XML: its description, its
// parameters, and the actions it advertises with their timeouts and depths.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"

namespace hakit::cli {

struct ParameterInfo {
  std::string name{};
  bool required = false;
  std::string type{};  ///< content type: "string", "integer", "boolean", "time", "select"
  std::optional<std::string> default_value{};
};

struct ActionInfo {
  std::string name{};
  std::optional<exec::Millis> timeout{};  ///< unset when missing or not a duration
  exec::Millis interval{0};
  int depth = 0;
  std::string role{};
};

struct Metadata {
  std::string name{};         ///< resource-agent/@name
  std::string ocf_version{};  ///< the <version> element: the OCF version (1.0, 1.1)
  std::string shortdesc{};
  std::vector<ParameterInfo> parameters{};
  std::vector<ActionInfo> actions{};

  bool advertises(std::string_view action) const;
  /// The advertised action of that name for `depth` (monitors may be advertised once per
  /// depth), else the first of that name, else null.
  const ActionInfo* action(std::string_view name, int depth = 0) const;
  /// The OCF_CHECK_LEVEL depths the monitor actions advertise.
  std::set<int> monitor_depths() const;
  std::vector<std::string> required_parameters() const;
};

/// Reads meta-data XML. Throws cli::Error when it is not well-formed or its root is not
/// <resource-agent>; anything else is validation's business (schema_check.h).
Metadata read_metadata(std::string_view xml);

}  // namespace hakit::cli
