#include "ocf/cluster_property.h"

#include "exec/command.h"
#include "util/strings.h"

namespace hakit::ocf {

std::optional<std::string> cluster_property(const std::string& name,
                                            const std::string& default_value,
                                            const exec::Deadline& deadline) {
  const exec::Result result =
      exec::run({.argv = {"crm_attribute", "--type=crm_config", "--name=" + name, "--query",
                          "--quiet", "--default=" + default_value}},
                deadline);
  if (!result.ok()) return std::nullopt;
  return std::string(trim(result.out));
}

}  // namespace hakit::ocf
