// ocf:hakit:LVM-activate and the legacy ocf:hakit:LVM: activate a volume group (or one of
// its logical volumes) on start, deactivate it on stop. Both share one flow; they differ
// only in how the parameters name the VG and choose the access mode.
//
// Monitor reads device-mapper state from sysfs (dm_devices.h) and spawns nothing: an LV is
// active exactly when its device-mapper device exists, which is what the shell agent's
// `dmsetup info -S vg_name=...` monitor asks too, and what `lvs` reports as lv_attr[4]='a'
// (it reads the same kernel table). So an LV deactivated behind the cluster's back
// (`vgchange -an`) is reported not running at the next monitor.
#pragma once

#include "ocf/agent.h"
#include "storage/lvm_activation.h"

namespace hakit::storage {

class LvmVolumeAgent : public ocf::Agent {
 public:
  /// Syntax of the parameters; validate-all also checks the VG and this node's LVM set-up.
  void validate(const ocf::Context& ctx) override;
  ocf::ExitCode start(const ocf::Context& ctx) override;
  /// Deactivates whatever of the target is active. A configuration that start would refuse
  /// does not fail stop: the LVs are deactivated plainly (failing would fence the node).
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// OCF_CHECK_LEVEL 0: sysfs only; 10: also reads one block of an active LV.
  ocf::ExitCode monitor(const ocf::Context& ctx) override;

 protected:
  virtual LvmTarget target_of(const ocf::Parameters& params) const = 0;
  /// Throws ocf::Error(kErrConfigured) when a parameter is malformed.
  virtual void check_syntax(const ocf::Parameters& params) const = 0;
  /// The policy for the VG as its metadata shows it. Throws ocf::Error(kErrConfigured)
  /// when the configuration does not fit the VG.
  virtual ActivationPolicy policy_for(const ocf::Parameters& params,
                                      const VolumeGroupInfo& vg) const = 0;

 private:
  struct Inspection;
  Inspection inspect(const ocf::Context& ctx) const;
};

/// vgname, lvname, vg_access_mode, activation_mode, tag, partial_activation,
/// degraded_activation (metadata/LVM-activate.xml).
class LvmActivateAgent final : public LvmVolumeAgent {
 protected:
  LvmTarget target_of(const ocf::Parameters& params) const override;
  void check_syntax(const ocf::Parameters& params) const override;
  ActivationPolicy policy_for(const ocf::Parameters& params,
                              const VolumeGroupInfo& vg) const override;
};

/// volgrpname, exclusive, tag, partial_activation (metadata/LVM.xml): a clustered VG goes
/// through clvmd, an exclusive one through tagging, any other is activated plainly.
class LegacyLvmAgent final : public LvmVolumeAgent {
 protected:
  LvmTarget target_of(const ocf::Parameters& params) const override;
  void check_syntax(const ocf::Parameters& params) const override;
  ActivationPolicy policy_for(const ocf::Parameters& params,
                              const VolumeGroupInfo& vg) const override;
};

}  // namespace hakit::storage
