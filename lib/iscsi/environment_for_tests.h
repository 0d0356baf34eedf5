// The environment an agent would get for a resource configured with `params`: for unit
// tests that read a configuration.
#pragma once

#include <map>
#include <string>

#include "ocf/environment.h"

namespace hakit::iscsi {

inline ocf::Environment environment_for_tests(const std::map<std::string, std::string>& params,
                                              const std::string& instance = "lu1") {
  ocf::Environment::Variables vars{{"OCF_RESOURCE_INSTANCE", instance}};
  for (const auto& [name, value] : params) vars["OCF_RESKEY_" + name] = value;
  return ocf::Environment(vars);
}

}  // namespace hakit::iscsi
