// What ocf:hakit:VirtualDomain and ocf:hakit:Xen share: one libvirt domain started,
// stopped, monitored and live-migrated through the libvirt C API in the agent's process.
// Each agent only turns its parameters into a VmConfig (where the domain XML comes from,
// how it shuts down, how migration targets are found).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ocf/agent.h"
#include "virt/migration.h"
#include "virt/utilization.h"

namespace hakit::virt {

/// A copy-on-write disk created before start (VirtualDomain's backingfile).
struct CowDisk {
  std::string backing_file;
  std::string overlay;
  bool recreate = false;                  ///< stateless
  std::vector<std::string> copy_in_dirs;  ///< virt-copy-in into a new overlay
};

struct VmConfig {
  std::string uri;   ///< "" for libvirt's default
  std::string name;  ///< the domain's name
  std::function<std::string()> domain_xml{};  ///< read when the domain is created

  bool force_stop = false;
  unsigned shutdown_flags = 0;                   ///< VIR_DOMAIN_SHUTDOWN_*
  std::optional<exec::Millis> shutdown_timeout{};  ///< else most of the stop budget
  std::string snapshot_dir{};                    ///< save/restore NAME.state here
  std::string save_config_to{};                  ///< inactive XML written back on stop
  bool sync_config = false;                      ///< csync2 -x after saving
  /// A guest that reboots may briefly vanish (Xen): a recurring monitor and stop re-check
  /// that long before they report it stopped.
  exec::Millis vanish_grace{0};
  std::vector<std::string> monitor_scripts{};

  bool start_resources = false;
  std::optional<CowDisk> cow_disk{};
  /// allow_mem_management: balloon other domains so that this one fits; keep this much.
  std::optional<unsigned long long> reserved_host_kib{};
  unsigned long long memory_kib = 0;  ///< what this domain needs (for make_room_for)

  UtilizationSettings utilization{};
  MigrationSettings migration{};
  std::string node_ip_attribute{};  ///< node attribute with the target's address
};

class VmAgent : public ocf::Agent {
 public:
  void validate(const ocf::Context& ctx) override;
  ocf::ExitCode start(const ocf::Context& ctx) override;
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// libvirt API only: no process is spawned unless monitor_scripts are configured.
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
  ocf::ExitCode migrate_to(const ocf::Context& ctx) override;
  ocf::ExitCode migrate_from(const ocf::Context& ctx) override;

 protected:
  /// The agent's parameters as a VmConfig. Throws Error(kErrConfigured) for bad ones.
  virtual VmConfig configure(const ocf::Context& ctx) const = 0;
};

}  // namespace hakit::virt
