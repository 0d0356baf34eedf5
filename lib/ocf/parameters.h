// Instance parameters, typed and defaulted from the agent's meta-data.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "ocf/environment.h"
#include "ocf/metadata.h"

namespace hakit::ocf {

class Parameters {
 public:
  /// Reads every parameter the meta-data declares. Throws Error(kErrConfigured) naming the
  /// parameter when a required one is missing or empty, or a typed one is malformed.
  Parameters(const AgentMetadata& metadata, const Environment& env);

  /// Set explicitly (and non-empty) by the configuration, as opposed to defaulted.
  bool is_set(std::string_view name) const;
  /// The value, else the meta-data default, else "".
  const std::string& str(std::string_view name) const;
  bool boolean(std::string_view name) const;
  long long integer(std::string_view name) const;
  exec::Millis duration(std::string_view name) const;

 private:
  const std::string& value_of(std::string_view name, ParamType expected) const;
  const AgentMetadata& metadata_;
  std::map<std::string, std::string, std::less<>> values_;    ///< set by the configuration
  std::map<std::string, std::string, std::less<>> defaults_;  ///< from the meta-data
};

}  // namespace hakit::ocf
