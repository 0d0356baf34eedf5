#include "virt/xen_agent.h"

#include <unistd.h>

#include <libvirt/libvirt.h>

#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"
#include "virt/domain_xml.h"
#include "virt/xen_config.h"

namespace hakit::virt {
namespace {

using ocf::Error;
using ocf::ExitCode;

// Xen PR #314: a rebooting domU is absent from the domain list for a second or two.
constexpr exec::Millis kRebootVanishGrace{5000};

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

/// ocf:heartbeat:Xen's default: two thirds of the stop operation's timeout.
std::optional<exec::Millis> shutdown_timeout(const ocf::Context& ctx) {
  const std::string& given = ctx.params.str("shutdown_timeout");
  if (given.empty()) {
    if (const auto timeout = ctx.env.timeout()) return *timeout * 2 / 3;
    return std::nullopt;
  }
  const auto parsed = ocf::parse_duration(given);
  if (!parsed) {
    throw Error(ExitCode::kErrConfigured,
                cat("shutdown_timeout '", given, "' is not a number of seconds"));
  }
  return *parsed;
}

unsigned long long mib_parameter(const ocf::Context& ctx, std::string_view name) {
  const std::string& text = ctx.params.str(name);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    throw Error(ExitCode::kErrConfigured, cat(name, " '", text, "' is not a size in MiB"));
  }
  return std::stoull(text);
}

/// Interfaces on a non-Xen host only when their bridges exist there: a test or KVM host
/// rarely has the Xen bridges (xenbr0) the config names.
bool bridges_exist(const DomainSpec& spec) {
  for (const auto& vif : spec.vifs) {
    if (!vif.bridge.empty() && ::access(cat("/sys/class/net/", vif.bridge).c_str(), F_OK) != 0) {
      ocf::log_warning(cat("bridge ", vif.bridge, " of the config's vif does not exist here: ",
                           "the domain starts without network interfaces"));
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> xen_render_driver(std::string_view uri) {
  const std::string_view scheme = uri.substr(0, uri.find_first_of("+:"));
  if (scheme == "xen") return "xen";
  if (scheme == "qemu") return ::access("/dev/kvm", R_OK | W_OK) == 0 ? "kvm" : "qemu";
  return std::nullopt;
}

VmConfig XenAgent::configure(const ocf::Context& ctx) const {
  const auto& params = ctx.params;
  const std::string& xmfile = params.str("xmfile");
  std::string text;
  if (!read_file(xmfile, text)) {
    throw Error(ExitCode::kErrInstalled, cat("xmfile ", xmfile, " does not exist or is not readable"));
  }
  VmConfig cfg;
  cfg.uri = params.str("hypervisor");
  const auto driver = xen_render_driver(cfg.uri);
  if (!driver) {
    throw Error(ExitCode::kErrConfigured,
                cat("hypervisor '", cfg.uri, "' is not a xen: or qemu: libvirt URI"));
  }
  DomainSpec spec;
  try {
    spec = parse_xen_config(text);
  } catch (const ConfigError& error) {
    throw Error(ExitCode::kErrConfigured, cat(xmfile, ":", error.line, ": ", error.message));
  }
  spec.name = params.is_set("name") ? params.str("name")
                                    : (spec.name.empty() ? base_name(xmfile) : spec.name);
  cfg.name = spec.name;
  RenderOptions options;
  options.interfaces = *driver == "xen" || bridges_exist(spec);
  cfg.domain_xml = [spec, driver = *driver, options, xmfile] {
    try {
      return render_domain_xml(spec, driver, options);
    } catch (const ConfigError& error) {
      throw Error(ExitCode::kErrConfigured, cat(xmfile, ":", error.line, ": ", error.message));
    }
  };
  cfg.memory_kib = spec.memory_mib * 1024;

  if (params.boolean("shutdown_acpi")) {
    cfg.shutdown_flags = VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN;
  } else if (*driver == "xen") {
    cfg.shutdown_flags = VIR_DOMAIN_SHUTDOWN_PARAVIRT;
  }
  cfg.shutdown_timeout = shutdown_timeout(ctx);
  cfg.vanish_grace = kRebootVanishGrace;
  cfg.monitor_scripts = split(params.str("monitor_scripts"));
  if (params.boolean("allow_mem_management")) {
    cfg.reserved_host_kib = mib_parameter(ctx, "reserved_Dom0_memory") * 1024;
  }
  cfg.utilization.cpu = utilization_policy(params.boolean("autoset_utilization_cpu"), false);
  cfg.utilization.hv_memory = utilization_policy(params.boolean("autoset_utilization_hv_memory"), false);

  cfg.migration.hypervisor_uri = cfg.uri;
  cfg.migration.remoteuri = params.str("remoteuri");
  cfg.node_ip_attribute = params.str("node_ip_attribute");
  return cfg;
}

}  // namespace hakit::virt
