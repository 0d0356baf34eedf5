#include "virt/utilization.h"

#include "exec/command.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::virt {
namespace {

constexpr exec::Millis kToolBudget{10000};

void apply(UtilizationPolicy policy, const std::string& attribute, const std::string& value,
           const std::string& resource, const exec::Deadline& deadline) {
  if (policy == UtilizationPolicy::kLeave) return;
  const exec::Deadline limit = deadline.capped(kToolBudget);
  if (policy == UtilizationPolicy::kSet) {
    const auto current = exec::run({.argv = {"crm_resource", "-Q", "-r", resource, "-z", "-g", attribute}}, limit);
    if (current.ok() && trim(current.out) == value) return;
  }
  std::vector<std::string> argv = {"crm_resource", "-r", resource, "-z"};
  if (policy == UtilizationPolicy::kSet) {
    argv.insert(argv.end(), {"-p", attribute, "-v", value});
  } else {
    argv.insert(argv.end(), {"-d", attribute});
  }
  const auto result = exec::run({.argv = argv}, limit);
  if (!result.ok()) {
    ocf::log_warning(cat("crm_resource failed to ", policy == UtilizationPolicy::kSet ? "set" : "unset",
                         " utilization attribute ", attribute, ": ", result.first_error_line()));
  }
}

}  // namespace

UtilizationPolicy utilization_policy(bool autoset, bool unset) {
  if (autoset) return UtilizationPolicy::kSet;
  return unset ? UtilizationPolicy::kUnset : UtilizationPolicy::kLeave;
}

void update_utilization(const UtilizationSettings& settings, const Domain& domain,
                        const ocf::Environment& env, const exec::Deadline& deadline) {
  if (!env.get("OCF_RESOURCE_INSTANCE")) return;  // not run by the cluster
  const std::string resource = env.resource_instance();
  const virDomainInfo info = domain.info();
  const std::string memory_mib = std::to_string(info.maxMem / 1024);
  apply(settings.cpu, "cpu", std::to_string(info.nrVirtCpu), resource, deadline);
  apply(settings.host_memory, "host_memory", memory_mib, resource, deadline);
  apply(settings.hv_memory, "hv_memory", memory_mib, resource, deadline);
}

}  // namespace hakit::virt
