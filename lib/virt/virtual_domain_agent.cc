#include "virt/virtual_domain_agent.h"

#include <sys/stat.h>
#include <unistd.h>

#include "ocf/error.h"
#include "ocf/resource_lock.h"
#include "util/strings.h"
#include "virt/domain.h"
#include "virt/domain_document.h"
#include "virt/domain_name_memo.h"

namespace hakit::virt {
namespace {

using ocf::Error;
using ocf::ExitCode;

unsigned long long non_negative(const ocf::Parameters& params, std::string_view name) {
  const long long value = params.integer(name);
  if (value < 0) throw Error(ExitCode::kErrConfigured, cat(name, " must not be negative"));
  return static_cast<unsigned long long>(value);
}

/// /vms/vm1.xml -> /vms/vm1.qcow2 (the overlay of backingfile).
std::string overlay_for(const std::string& config) {
  const size_t slash = config.rfind('/');
  const size_t dot = config.rfind('.');
  const bool has_extension =
      dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
  return cat(has_extension ? config.substr(0, dot) : config, ".qcow2");
}

[[noreturn]] void unreadable(const std::string& config) {
  throw Error(ExitCode::kErrInstalled,
              cat("configuration file ", config, " does not exist or is not readable"));
}

std::string read_config(const std::string& config) {
  std::string xml;
  if (!read_file(config, xml)) unreadable(config);
  return xml;
}

/// The name `config` declares: remembered from an earlier action when the file is unchanged,
/// else read (ERR_INSTALLED when unreadable, ERR_CONFIGURED when not a domain XML document).
std::string domain_name(const std::string& config, const std::string& instance) {
  struct stat status {};
  if (::stat(config.c_str(), &status) != 0 || ::access(config.c_str(), R_OK) != 0) {
    unreadable(config);
  }
  const DomainNameMemo memo(cat(ocf::state_directory(), "/hakit-VirtualDomain-", instance, ".name"),
                            config);
  if (auto name = memo.recall(status)) return std::move(*name);
  const auto facts = read_domain_xml(read_config(config));
  if (!facts) {
    throw Error(ExitCode::kErrConfigured,
                cat(config, " is not a libvirt domain XML document with a <name>"));
  }
  memo.remember(status, facts->name);
  return facts->name;
}

}  // namespace

VmConfig VirtualDomainAgent::configure(const ocf::Context& ctx) const {
  const auto& params = ctx.params;
  const std::string& config = params.str("config");
  if (!config.starts_with('/')) {
    throw Error(ExitCode::kErrConfigured,
                cat("config must be an absolute path, not '", config, "'"));
  }
  VmConfig cfg;
  cfg.uri = params.str("hypervisor");
  cfg.name = domain_name(config, ctx.env.resource_instance());
  cfg.domain_xml = [config] { return read_config(config); };

  cfg.force_stop = params.boolean("force_stop");
  cfg.snapshot_dir = params.str("snapshot");
  if (cfg.force_stop && !cfg.snapshot_dir.empty()) {
    throw Error(ExitCode::kErrConfigured,
                "force_stop and snapshot exclude each other: set only one");
  }
  const auto flags = shutdown_flags(params.str("shutdown_mode"));
  if (!flags) {
    throw Error(ExitCode::kErrConfigured,
                cat("shutdown_mode '", params.str("shutdown_mode"),
                    "' is not a list of acpi, agent, initctl, signal, paravirt"));
  }
  cfg.shutdown_flags = *flags;
  cfg.sync_config = params.boolean("sync_config_on_stop");
  if (cfg.sync_config || params.boolean("save_config_on_stop")) cfg.save_config_to = config;

  cfg.monitor_scripts = split(params.str("monitor_scripts"));
  cfg.start_resources = params.boolean("start_resources");
  if (params.is_set("backingfile")) {
    cfg.cow_disk = CowDisk{params.str("backingfile"), overlay_for(config),
                           params.boolean("stateless"), split(params.str("copyindirs"))};
  } else if (params.boolean("stateless")) {
    throw Error(ExitCode::kErrConfigured, "stateless needs backingfile");
  }

  cfg.utilization.cpu = utilization_policy(params.boolean("autoset_utilization_cpu"),
                                           params.boolean("unset_utilization_cpu"));
  cfg.utilization.host_memory =
      utilization_policy(params.boolean("autoset_utilization_host_memory"),
                         params.boolean("unset_utilization_host_memory"));
  cfg.utilization.hv_memory = utilization_policy(params.boolean("autoset_utilization_hv_memory"),
                                                 params.boolean("unset_utilization_hv_memory"));

  auto& migration = cfg.migration;
  migration.hypervisor_uri = cfg.uri;
  migration.remoteuri = params.str("remoteuri");
  migration.transport = params.str("migration_transport");
  migration.user = params.str("migration_user");
  migration.network_suffix = params.str("migration_network_suffix");
  migration.migrateuri = params.str("migrateuri");
  if (params.is_set("migrateport")) migration.migrateport = params.integer("migrateport");
  migration.options = params.str("migrate_options");
  migration_flags(migration.options);  // rejects unknown options now, not at migration time
  migration.speed_mib = non_negative(params, "migration_speed");
  migration.downtime_ms = non_negative(params, "migration_downtime");
  return cfg;
}

}  // namespace hakit::virt
