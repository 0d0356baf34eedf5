#include "storage/lvm_volume_agent.h"

#include <algorithm>

#include "ocf/environment.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/dm_devices.h"
#include "storage/health_check.h"
#include "storage/lvm_setup_check.h"
#include "storage/lvm_tools.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

std::vector<DmDevice> active_devices(const LvmTarget& target) {
  return active_lvm_devices(read_dm_devices(), target.vg, target.lv);
}

/// Another LV of the target's VG is active here (never, when the target is the whole VG).
bool others_active(const LvmTarget& target) {
  if (target.lv.empty()) return false;
  const auto all = active_lvm_devices(read_dm_devices(), target.vg);
  return std::any_of(all.begin(), all.end(), [&](const DmDevice& device) {
    const auto parts = split_lvm_dm_name(device.name);
    return parts && parts->lv != target.lv;
  });
}

bool boolean_text(const ocf::Parameters& params, std::string_view name) {
  const auto value = ocf::parse_bool(params.str(name));
  if (!value) {
    throw Error(ExitCode::kErrConfigured,
                cat(name, " must be true or false, not '", params.str(name), "'"));
  }
  return *value;
}

}  // namespace

struct LvmVolumeAgent::Inspection {
  LvmTarget target;
  VolumeGroupInfo vg;
  ActivationPolicy policy;
};

LvmVolumeAgent::Inspection LvmVolumeAgent::inspect(const ocf::Context& ctx) const {
  const LvmTarget target = target_of(ctx.params);
  const auto vg = query_volume_group(target.vg, ctx.deadline);
  if (!vg) {
    // Possibly transient (an iSCSI path still coming up): not a configuration error.
    throw Error(ExitCode::kErrGeneric,
                cat("Volume group ", target.vg, " does not exist or is not visible on this node"));
  }
  const ActivationPolicy policy = policy_for(ctx.params, *vg);
  if (vg->partial()) {
    if (!policy.partial && !policy.degraded) {
      throw Error(ExitCode::kErrGeneric,
                  cat("Volume group ", target.vg,
                      " has devices missing; set "
                      "partial_activation=true (or degraded_activation=true for RAID LVs) "
                      "to activate it anyway"));
    }
    ocf::log_warning(cat("Volume group ", target.vg, " has devices missing; activating ",
                         policy.partial ? "partially" : "degraded RAID LVs", " as configured"));
  }
  if (vg->lv_count < 1) {
    throw Error(ExitCode::kErrConfigured,
                cat("Volume group ", target.vg, " contains no logical volume"));
  }
  if (!target.lv.empty()) {
    const auto volumes = query_logical_volumes(target.vg, ctx.deadline);
    if (std::none_of(volumes.begin(), volumes.end(),
                     [&](const LogicalVolumeInfo& lv) { return lv.name == target.lv; })) {
      throw Error(ExitCode::kErrConfigured,
                  cat("Logical volume ", target.lv, " is not in volume group ", target.vg));
    }
  }
  check_access_mode_setup(target, policy, ctx.deadline);
  return {target, *vg, policy};
}

void LvmVolumeAgent::validate(const ocf::Context& ctx) {
  check_syntax(ctx.params);
  if (ctx.action == "validate-all") inspect(ctx);
}

ExitCode LvmVolumeAgent::start(const ocf::Context& ctx) {
  const LvmTarget requested = target_of(ctx.params);
  if (!active_devices(requested).empty()) {
    ocf::log_info(cat(requested.spec(), " is already active"));
    return ExitCode::kSuccess;
  }
  const Inspection found = inspect(ctx);
  ocf::log_info(cat("Activating ", found.target.spec(),
                    " (vg_access_mode=", name_of(found.policy.access), ")"));
  for (const Argv& argv : activation_commands(found.target, found.policy, found.vg,
                                              found.policy.access == VgAccessMode::kSystemId
                                                  ? local_system_id(ctx.deadline)
                                                  : std::string())) {
    run_lvm(argv, ctx.deadline);
  }
  // LVM can succeed without activating anything (a volume_list that filters the VG out:
  // resource-agents PR #1909); only the kernel's device-mapper table says it worked.
  if (active_devices(found.target).empty()) {
    throw Error(ExitCode::kErrGeneric,
                cat(found.target.spec(), ": LVM reported success but no LV became active"));
  }
  return ExitCode::kSuccess;
}

ExitCode LvmVolumeAgent::stop(const ocf::Context& ctx) {
  const LvmTarget target = target_of(ctx.params);
  if (active_devices(target).empty()) {
    ocf::log_info(cat(target.spec(), " is not active"));
    return ExitCode::kSuccess;
  }
  const auto vg = query_volume_group(target.vg, ctx.deadline);
  ActivationPolicy policy{.access = VgAccessMode::kLocal};
  try {
    check_syntax(ctx.params);
    if (vg) policy = policy_for(ctx.params, *vg);
  } catch (const Error& error) {
    ocf::log_warning(cat(error.what(), "; deactivating ", target.spec(), " without it"));
  }
  ocf::log_info(cat("Deactivating ", target.spec()));
  for (const Argv& argv : deactivation_commands(target, policy, vg.value_or(VolumeGroupInfo{}),
                                                others_active(target))) {
    run_lvm(argv, ctx.deadline);
  }
  if (!active_devices(target).empty()) {
    throw Error(ExitCode::kErrGeneric, cat(target.spec(), " is still active after lvchange -an"));
  }
  return ExitCode::kSuccess;
}

ExitCode LvmVolumeAgent::monitor(const ocf::Context& ctx) {
  const int level = ctx.env.check_level();
  if (level != 0 && level != 10) {
    throw Error(ExitCode::kErrConfigured,
                cat("unsupported monitor level ", level, " (OCF_CHECK_LEVEL must be 0 or 10)"));
  }
  const auto devices = active_devices(target_of(ctx.params));
  if (devices.empty()) return ExitCode::kNotRunning;
  if (level == 10) check_device_readable("/dev/mapper/" + devices.front().name, ctx.deadline);
  return ExitCode::kSuccess;
}

LvmTarget LvmActivateAgent::target_of(const ocf::Parameters& params) const {
  return {params.str("vgname"), params.str("lvname")};
}

void LvmActivateAgent::check_syntax(const ocf::Parameters& params) const {
  // Refused here, at validate and start: a bad mode is a configuration error on every node,
  // never a stop failure (resource-agents PR #1194).
  const auto access = parse_access_mode(params.str("vg_access_mode"));
  if (!access) {
    throw Error(ExitCode::kErrConfigured,
                cat("invalid vg_access_mode '", params.str("vg_access_mode"),
                    "' (lvmlockd, clvmd, system_id or tagging)"));
  }
  const auto activation = parse_activation_mode(params.str("activation_mode"));
  if (!activation) {
    throw Error(
        ExitCode::kErrConfigured,
        cat("invalid activation_mode '", params.str("activation_mode"), "' (exclusive or shared)"));
  }
  if (*activation == ActivationMode::kShared && *access != VgAccessMode::kLvmlockd &&
      *access != VgAccessMode::kClvmd) {
    throw Error(ExitCode::kErrConfigured,
                cat("activation_mode=shared needs vg_access_mode lvmlockd or clvmd, not ",
                    name_of(*access)));
  }
  boolean_text(params, "partial_activation");
  if (params.str("tag").empty()) throw Error(ExitCode::kErrConfigured, "tag must not be empty");
}

ActivationPolicy LvmActivateAgent::policy_for(const ocf::Parameters& params,
                                              const VolumeGroupInfo& vg) const {
  ActivationPolicy policy{*parse_access_mode(params.str("vg_access_mode")),
                          *parse_activation_mode(params.str("activation_mode")), params.str("tag"),
                          boolean_text(params, "partial_activation"),
                          params.boolean("degraded_activation")};
  const VgAccessMode detected = detected_access_mode(vg);
  if (!access_mode_matches(policy.access, detected)) {
    throw Error(ExitCode::kErrConfigured,
                cat("vg_access_mode=", name_of(policy.access), " does not match volume group ",
                    vg.name, ", whose metadata says ", name_of(detected)));
  }
  return policy;
}

LvmTarget LegacyLvmAgent::target_of(const ocf::Parameters& params) const {
  return {params.str("volgrpname"), ""};
}

void LegacyLvmAgent::check_syntax(const ocf::Parameters& params) const {
  boolean_text(params, "partial_activation");
}

ActivationPolicy LegacyLvmAgent::policy_for(const ocf::Parameters& params,
                                            const VolumeGroupInfo& vg) const {
  const bool exclusive = params.boolean("exclusive");
  ActivationPolicy policy;
  policy.tag = params.str("tag");
  policy.partial = boolean_text(params, "partial_activation");
  if (vg.clustered()) {
    policy.access = VgAccessMode::kClvmd;
    policy.activation = exclusive ? ActivationMode::kExclusive : ActivationMode::kShared;
  } else {
    policy.access = exclusive ? VgAccessMode::kTagging : VgAccessMode::kLocal;
  }
  return policy;
}

}  // namespace hakit::storage
