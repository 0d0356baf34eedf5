// The resource's utilization attributes (cpu, host_memory, hv_memory) from the running
// domain, through crm_resource as ocf:heartbeat:VirtualDomain sets them. Only after start
// and migration: a monitor spawns nothing.
#pragma once

#include "ocf/environment.h"
#include "virt/domain.h"

namespace hakit::virt {

enum class UtilizationPolicy { kLeave, kSet, kUnset };

struct UtilizationSettings {
  UtilizationPolicy cpu = UtilizationPolicy::kLeave;
  UtilizationPolicy host_memory = UtilizationPolicy::kLeave;
  UtilizationPolicy hv_memory = UtilizationPolicy::kLeave;
};

/// kSet when autoset, else kUnset when unset, else kLeave.
UtilizationPolicy utilization_policy(bool autoset, bool unset);

/// Applies the settings for OCF_RESOURCE_INSTANCE; failures (no cluster, no such resource)
/// are logged, never fatal.
void update_utilization(const UtilizationSettings& settings, const Domain& domain,
                        const ocf::Environment& env, const exec::Deadline& deadline);

}  // namespace hakit::virt
