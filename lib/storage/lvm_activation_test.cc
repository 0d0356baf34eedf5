#include "storage/lvm_activation.h"

#include <catch2/catch.hpp>

using hakit::storage::activation_commands;
using hakit::storage::ActivationMode;
using hakit::storage::ActivationPolicy;
using hakit::storage::Argv;
using hakit::storage::deactivation_commands;
using hakit::storage::LvmTarget;
using hakit::storage::VgAccessMode;
using hakit::storage::VolumeGroupInfo;
using Plan = std::vector<Argv>;

namespace {

ActivationPolicy policy(VgAccessMode access,
                        ActivationMode activation = ActivationMode::kExclusive) {
  ActivationPolicy p;
  p.access = access;
  p.activation = activation;
  return p;
}

}  // namespace

TEST_CASE("lvmlockd starts the lockspace, stops it with the last LV", "[storage][lvm_activation]") {
  const LvmTarget lv{"vg0", "data"};
  CHECK(activation_commands(lv, policy(VgAccessMode::kLvmlockd), {}, "") ==
        Plan{{"vgchange", "--lockstart", "vg0"}, {"lvchange", "-aey", "vg0/data"}});
  CHECK(activation_commands(lv, policy(VgAccessMode::kLvmlockd, ActivationMode::kShared), {}, "")
            .back() == Argv{"lvchange", "-asy", "vg0/data"});
  CHECK(deactivation_commands(lv, policy(VgAccessMode::kLvmlockd), {}, false) ==
        Plan{{"lvchange", "-an", "vg0/data"}, {"vgchange", "--lockstop", "vg0"}});
  CHECK(deactivation_commands(lv, policy(VgAccessMode::kLvmlockd), {}, true) ==
        Plan{{"lvchange", "-an", "vg0/data"}});
}

TEST_CASE("clvmd activates exclusively or shared", "[storage][lvm_activation]") {
  CHECK(activation_commands({"vg0", ""}, policy(VgAccessMode::kClvmd), {}, "") ==
        Plan{{"lvchange", "-aey", "vg0"}});
  CHECK(deactivation_commands({"vg0", ""}, policy(VgAccessMode::kClvmd), {}, false) ==
        Plan{{"lvchange", "-an", "vg0"}});
}

TEST_CASE("system_id takes the VG over and disables autoactivation", "[storage][lvm_activation]") {
  VolumeGroupInfo vg;
  vg.system_id = "node2";
  vg.autoactivation = true;
  CHECK(activation_commands({"vg0", ""}, policy(VgAccessMode::kSystemId), vg, "node1") ==
        Plan{{"vgchange", "-y", "--config", "local/extra_system_ids=[\"node2\"]", "--systemid",
              "node1", "vg0"},
             {"vgchange", "--setautoactivation", "n", "vg0"},
             {"lvchange", "-ay", "vg0"}});
  vg.system_id = "node1";
  vg.autoactivation = false;
  CHECK(activation_commands({"vg0", ""}, policy(VgAccessMode::kSystemId), vg, "node1") ==
        Plan{{"lvchange", "-ay", "vg0"}});
}

TEST_CASE("tagging replaces foreign tags and filters on its own", "[storage][lvm_activation]") {
  VolumeGroupInfo vg;
  vg.tags = {"othernode"};
  const std::string filter = "activation{volume_list=[\"@pacemaker\"]}";
  CHECK(activation_commands({"vg0", ""}, policy(VgAccessMode::kTagging), vg, "") ==
        Plan{{"vgchange", "--deltag", "othernode", "--addtag", "pacemaker", "vg0"},
             {"lvchange", "-ay", "--config", filter, "vg0"}});
  vg.tags = {"pacemaker"};
  CHECK(activation_commands({"vg0", ""}, policy(VgAccessMode::kTagging), vg, "") ==
        Plan{{"lvchange", "-ay", "--config", filter, "vg0"}});
  CHECK(deactivation_commands({"vg0", ""}, policy(VgAccessMode::kTagging), vg, false) ==
        Plan{{"lvchange", "-an", "--config", filter, "vg0"},
             {"vgchange", "--deltag", "pacemaker", "vg0"}});
  CHECK(deactivation_commands({"vg0", "a"}, policy(VgAccessMode::kTagging), vg, true) ==
        Plan{{"lvchange", "-an", "--config", filter, "vg0/a"}});
}

TEST_CASE("partial beats degraded, and neither applies to -an", "[storage][lvm_activation]") {
  ActivationPolicy p = policy(VgAccessMode::kLocal);
  p.degraded = true;
  CHECK(activation_commands({"vg0", ""}, p, {}, "") ==
        Plan{{"lvchange", "-ay", "--activationmode", "degraded", "vg0"}});
  p.partial = true;
  CHECK(activation_commands({"vg0", ""}, p, {}, "") ==
        Plan{{"lvchange", "-ay", "--partial", "vg0"}});
  CHECK(deactivation_commands({"vg0", ""}, p, {}, false) == Plan{{"lvchange", "-an", "vg0"}});
}
