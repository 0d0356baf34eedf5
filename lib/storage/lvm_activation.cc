#include "storage/lvm_activation.h"

namespace hakit::storage {
namespace {

std::string volume_list_filter(const std::string& tag) {
  return "activation{volume_list=[\"@" + tag + "\"]}";
}

Argv lvchange(const LvmTarget& target, const ActivationPolicy& policy, const std::string& how) {
  Argv argv{"lvchange", how};
  if (how != "-an") {
    if (policy.partial) {
      argv.push_back("--partial");
    } else if (policy.degraded) {
      argv.insert(argv.end(), {"--activationmode", "degraded"});
    }
  }
  if (policy.access == VgAccessMode::kTagging) {
    argv.insert(argv.end(), {"--config", volume_list_filter(policy.tag)});
  }
  argv.push_back(target.spec());
  return argv;
}

std::string cluster_activation(const ActivationPolicy& policy) {
  return policy.activation == ActivationMode::kShared ? "-asy" : "-aey";
}

}  // namespace

std::vector<Argv> activation_commands(const LvmTarget& target, const ActivationPolicy& policy,
                                      const VolumeGroupInfo& vg,
                                      const std::string& local_system_id) {
  switch (policy.access) {
    case VgAccessMode::kLvmlockd:
      return {{"vgchange", "--lockstart", target.vg},
              lvchange(target, policy, cluster_activation(policy))};
    case VgAccessMode::kClvmd:
      return {lvchange(target, policy, cluster_activation(policy))};
    case VgAccessMode::kSystemId: {
      std::vector<Argv> commands;
      if (vg.system_id != local_system_id) {
        // Taking a VG over from a failed node: accept its ID for this one command.
        commands.push_back({"vgchange", "-y", "--config",
                            "local/extra_system_ids=[\"" + vg.system_id + "\"]", "--systemid",
                            local_system_id, target.vg});
      }
      // Autoactivation at boot would activate the VG on the node that owns it regardless
      // of the cluster (resource-agents PR #1643: "active on 2 nodes").
      if (vg.autoactivation)
        commands.push_back({"vgchange", "--setautoactivation", "n", target.vg});
      commands.push_back(lvchange(target, policy, "-ay"));
      return commands;
    }
    case VgAccessMode::kTagging: {
      Argv retag{"vgchange"};
      for (const std::string& tag : vg.tags) {
        if (tag != policy.tag) retag.insert(retag.end(), {"--deltag", tag});
      }
      if (!vg.has_tag(policy.tag)) retag.insert(retag.end(), {"--addtag", policy.tag});
      std::vector<Argv> commands;
      if (retag.size() > 1) {
        retag.push_back(target.vg);
        commands.push_back(retag);
      }
      commands.push_back(lvchange(target, policy, "-ay"));
      return commands;
    }
    case VgAccessMode::kLocal:
      break;
  }
  return {lvchange(target, policy, "-ay")};
}

std::vector<Argv> deactivation_commands(const LvmTarget& target, const ActivationPolicy& policy,
                                        const VolumeGroupInfo& vg, bool others_active) {
  std::vector<Argv> commands{lvchange(target, policy, "-an")};
  if (policy.access == VgAccessMode::kLvmlockd && !others_active) {
    commands.push_back({"vgchange", "--lockstop", target.vg});
  }
  // Another LV of the VG still active here still needs our tag to pass the volume_list filter.
  if (policy.access == VgAccessMode::kTagging && !vg.tags.empty() && !others_active) {
    Argv untag{"vgchange"};
    for (const std::string& tag : vg.tags) untag.insert(untag.end(), {"--deltag", tag});
    untag.push_back(target.vg);
    commands.push_back(untag);
  }
  return commands;
}

}  // namespace hakit::storage
