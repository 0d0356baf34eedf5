#include "virt/vm_agent.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"
#include "util/user_file.h"
#include "virt/connection.h"
#include "virt/domain.h"
#include "virt/domain_document.h"
#include "virt/emulator_process.h"
#include "virt/host_resources.h"
#include "virt/local_daemon.h"

namespace hakit::virt {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr exec::Millis kConnectBudget{5000};
constexpr exec::Millis kPoll{250};
constexpr exec::Millis kRecheck{1000};
// migrate_from runs after migrate_to returned, when libvirt has already resumed the domain
// here: a short wait covers a state that lags, without sitting out the whole timeout.
constexpr exec::Millis kArrivalGrace{10000};
// What stop keeps for destroy after the graceful shutdown: libvirt's destroy gives qemu
// 10 s between SIGTERM and SIGKILL.
constexpr exec::Millis kMinDestroyReserve{2000};
constexpr exec::Millis kMaxDestroyReserve{15000};

bool is_qemu(const std::string& uri) { return uri.empty() || uri.starts_with("qemu"); }

Connection connect(const VmConfig& cfg, const exec::Deadline& deadline) {
  return Connection::open(cfg.uri, deadline, kConnectBudget);
}

bool active(const Connection& conn, const std::string& name) {
  const auto dom = Domain::lookup(conn, name);
  return dom && is_active(dom->state());
}

bool socket_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

/// active() for a monitor, at the least cost: asked of the local daemon directly where it
/// can be, else one bounded query through libvirt (no event loop thread).
bool active_now(const VmConfig& cfg, const exec::Deadline& deadline) {
  if (const auto daemon = local_daemon_for(cfg.uri, socket_exists)) {
    if (const auto state =
            state_from_local_daemon(*daemon, cfg.name, deadline.capped(kConnectBudget))) {
      return is_active(*state);
    }
  }
  return Connection::query(
      cfg.uri, deadline, kConnectBudget,
      [name = cfg.name](const Connection& conn) { return active(conn, name); });
}

bool wait_active(const Connection& conn, const std::string& name, const exec::Deadline& until,
                 exec::Millis poll) {
  for (;;) {
    if (active(conn, name)) return true;
    if (until.expired()) return false;
    exec::sleep_for(std::min(poll, until.remaining()));
  }
}

/// A guest that reboots may vanish for a second or two (Xen PR #314): reporting it stopped
/// would make Pacemaker start it a second time.
bool reappears(const Connection& conn, const VmConfig& cfg, const exec::Deadline& deadline) {
  if (cfg.vanish_grace.count() == 0) return false;
  ocf::log_warning(cat("domain ", cfg.name, " is not running: re-checking for ",
                       cfg.vanish_grace.count() / 1000.0, " s in case it is rebooting"));
  const exec::Deadline until = deadline.capped(cfg.vanish_grace);
  exec::sleep_for(std::min(kRecheck, until.remaining()));
  return wait_active(conn, cfg.name, until, kRecheck);
}

bool wait_off(const Domain& dom, const exec::Deadline& until) {
  for (;;) {
    if (!is_active(dom.state())) return true;
    if (until.expired()) return false;
    exec::sleep_for(std::min(kPoll, until.remaining()));
  }
}

/// The monitor's answer from the process table while libvirtd cannot be asked.
ExitCode state_without_libvirt(const VmConfig& cfg, const Unreachable& why) {
  if (!is_qemu(cfg.uri)) {
    throw Error(ExitCode::kErrGeneric,
                cat(why.what(), "; the state of domain ", cfg.name, " is unknown without it"));
  }
  if (const auto pid = find_emulator(cfg.name)) {
    ocf::log_warning(
        cat(why.what(), "; domain ", cfg.name, " is running (emulator PID ", *pid, ")"));
    return ExitCode::kSuccess;
  }
  ocf::log_warning(cat(why.what(), "; domain ", cfg.name, " has no emulator process: not running"));
  return ExitCode::kNotRunning;
}

/// Stop while libvirtd cannot be asked: what libvirt's destroy would do to the emulator.
ExitCode stop_without_libvirt(const VmConfig& cfg, const Unreachable& why,
                              const exec::Deadline& deadline) {
  if (state_without_libvirt(cfg, why) == ExitCode::kNotRunning) return ExitCode::kSuccess;
  const auto pid = find_emulator(cfg.name);
  if (!pid) return ExitCode::kSuccess;
  ocf::log_warning(cat("killing the emulator of domain ", cfg.name, " (PID ", *pid, ") directly"));
  if (!kill_emulator(*pid, deadline)) {
    throw Error(ExitCode::kErrGeneric, cat("emulator PID ", *pid, " of domain ", cfg.name,
                                           " survived SIGKILL while libvirtd is unreachable"));
  }
  return ExitCode::kSuccess;
}

void run_monitor_scripts(const VmConfig& cfg, const exec::Deadline& deadline) {
  for (const auto& script : cfg.monitor_scripts) {
    const auto result = exec::run({.argv = {script}}, deadline);
    if (!result.ok()) {
      throw Error(ExitCode::kErrGeneric, cat("monitor script ", script, " failed (",
                                             result.describe(), "): ", result.first_error_line()));
    }
  }
}

bool file_has_content(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && st.st_size > 0;
}

void prepare_cow_disk(const CowDisk& disk, const exec::Deadline& deadline) {
  if (!disk.recreate && file_has_content(disk.overlay)) return;
  const auto created = exec::run({.argv = {"qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2",
                                           "-b", disk.backing_file, disk.overlay}},
                                 deadline);
  if (!created.ok()) {
    throw Error(ExitCode::kErrGeneric,
                cat("qemu-img create ", disk.overlay, " on ", disk.backing_file,
                    " failed: ", created.first_error_line()));
  }
  if (disk.copy_in_dirs.empty()) return;
  std::vector<std::string> argv = {"virt-copy-in", "-a", disk.overlay};
  argv.insert(argv.end(), disk.copy_in_dirs.begin(), disk.copy_in_dirs.end());
  argv.emplace_back("/");
  const auto copied = exec::run({.argv = argv}, deadline);
  if (!copied.ok()) {
    throw Error(ExitCode::kErrGeneric,
                cat("virt-copy-in into ", disk.overlay, " failed: ", copied.first_error_line()));
  }
}

std::string snapshot_path(const VmConfig& cfg) {
  return cat(cfg.snapshot_dir, "/", cfg.name, ".state");
}

/// save_config_on_stop: the domain's inactive XML back into the config file, atomically,
/// only when it changed.
void save_config(const Domain& dom, const VmConfig& cfg, const exec::Deadline& deadline) {
  const std::string xml = dom.xml(VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
  std::string current;
  if (read_file(cfg.save_config_to, current) && current == xml) return;
  if (!read_domain_xml(xml)) {
    ocf::log_warning(cat("the XML of domain ", cfg.name, " does not parse: not saving it"));
    return;
  }
  if (const std::string problem = rewrite_user_file(cfg.save_config_to, xml); !problem.empty()) {
    ocf::log_warning(
        cat("cannot rewrite ", cfg.save_config_to, " (", problem, "): config not saved"));
    return;
  }
  ocf::log_info(cat("saved domain ", cfg.name, "'s configuration to ", cfg.save_config_to));
  if (!cfg.sync_config) return;
  const auto synced = exec::run({.argv = {"csync2", "-x", cfg.save_config_to}}, deadline);
  if (synced.ok()) {
    ocf::log_info(cat("synced ", cfg.save_config_to, " with csync2"));
  } else {
    ocf::log_warning(cat("csync2 -x ", cfg.save_config_to, " failed: ", synced.first_error_line()));
  }
}

/// When the graceful shutdown must give up, leaving time to destroy the domain.
exec::Deadline graceful_deadline(const VmConfig& cfg, const exec::Deadline& deadline) {
  const exec::Millis remaining = deadline.remaining();
  const exec::Millis reserve = std::clamp(remaining / 4, kMinDestroyReserve, kMaxDestroyReserve);
  exec::Millis budget = remaining > reserve ? remaining - reserve : exec::Millis(0);
  if (cfg.shutdown_timeout) budget = std::min(budget, *cfg.shutdown_timeout);
  return exec::Deadline::in(budget);
}

ExitCode stop_through_libvirt(const VmConfig& cfg, const exec::Deadline& deadline) {
  const Connection conn = connect(cfg, deadline);
  auto dom = Domain::lookup(conn, cfg.name);
  if (!dom || !is_active(dom->state())) {
    if (!reappears(conn, cfg, deadline)) {
      ocf::log_info(cat("domain ", cfg.name, " is already stopped"));
      return ExitCode::kSuccess;
    }
    dom = Domain::lookup(conn, cfg.name);
    if (!dom) return ExitCode::kSuccess;
  }
  if (!cfg.save_config_to.empty()) save_config(*dom, cfg, deadline);

  bool off = false;
  if (cfg.force_stop) {
    ocf::log_info(cat("destroying domain ", cfg.name, " (force_stop)"));
  } else if (!cfg.snapshot_dir.empty()) {
    try {
      dom->save(snapshot_path(cfg));
      ocf::log_info(cat("saved domain ", cfg.name, " to ", snapshot_path(cfg)));
      off = true;
    } catch (const Error& error) {
      ocf::log_error(cat(error.what(), ": shutting it down instead"));
    }
  }
  if (!off && !cfg.force_stop) {
    const exec::Deadline graceful = graceful_deadline(cfg, deadline);
    ocf::log_info(cat("shutting down domain ", cfg.name, " (destroy in ",
                      graceful.remaining().count() / 1000.0, " s if it is still running)"));
    try {
      dom->shutdown(cfg.shutdown_flags);
      off = wait_off(*dom, graceful);
    } catch (const Error& error) {
      ocf::log_warning(error.what());
    }
    if (!off)
      ocf::log_warning(cat("domain ", cfg.name, " did not shut down in time: destroying it"));
  }
  if (!off) {
    dom->destroy();
    if (!wait_off(*dom, deadline)) {
      throw Error(ExitCode::kErrGeneric, cat("domain ", cfg.name, " still runs after destroy"));
    }
  }
  if (cfg.reserved_host_kib) return_memory(conn, *cfg.reserved_host_kib);
  return ExitCode::kSuccess;
}

/// The target's address for migration: node_ip_attribute's value on that node, else its name.
std::string target_address(const VmConfig& cfg, const std::string& target,
                           const exec::Deadline& deadline) {
  if (cfg.node_ip_attribute.empty()) return target;
  const auto result = exec::run({.argv = {"crm_attribute", "--type", "nodes", "--node", target,
                                          "--name", cfg.node_ip_attribute, "--query", "--quiet"}},
                                deadline.capped(exec::Millis(10000)));
  std::string value(trim(result.out));
  if (result.ok() && !value.empty()) return value;
  ocf::log_warning(cat("node attribute ", cfg.node_ip_attribute, " is not set on ", target,
                       ": migrating to the node name"));
  return target;
}

/// Runs `action`, turning a lost hypervisor into the generic failure it is for actions that
/// cannot fall back on the process table.
template <typename Action>
ExitCode needing_libvirt(Action action) {
  try {
    return action();
  } catch (const Unreachable& unreachable) {
    throw Error(ExitCode::kErrGeneric, unreachable.what());
  }
}

/// Stop and probe of a resource whose configuration is not on this node: nothing can run.
template <typename Action>
ExitCode unless_config_missing(ExitCode missing, Action action) {
  try {
    return action();
  } catch (const Error& error) {
    if (error.code() != ExitCode::kErrInstalled) throw;
    ocf::log_info(cat(error.what(), ": the domain cannot run here"));
    return missing;
  }
}

}  // namespace

void VmAgent::validate(const ocf::Context& ctx) {
  const VmConfig cfg = configure(ctx);
  if (cfg.sync_config && !exec::find_program("csync2")) {
    throw Error(ExitCode::kErrInstalled,
                "sync_config_on_stop needs csync2, which is not installed");
  }
  for (const auto& script : cfg.monitor_scripts) {
    if (::access(script.c_str(), X_OK) != 0) {
      throw Error(ExitCode::kErrInstalled, cat("monitor script ", script, " is not executable"));
    }
  }
}

ExitCode VmAgent::start(const ocf::Context& ctx) {
  const VmConfig cfg = configure(ctx);
  return needing_libvirt([&] {
    const Connection conn = connect(cfg, ctx.deadline);
    if (auto running = Domain::lookup(conn, cfg.name); running && is_active(running->state())) {
      ocf::log_info(cat("domain ", cfg.name, " is already running"));
      update_utilization(cfg.utilization, *running, ctx.env, ctx.deadline);
      return ExitCode::kSuccess;
    }
    if (cfg.start_resources) {
      const auto facts = read_domain_xml(cfg.domain_xml());
      if (facts) start_networks_and_pools(conn, facts->networks, facts->pools);
    }
    if (cfg.cow_disk) prepare_cow_disk(*cfg.cow_disk, ctx.deadline);
    if (cfg.reserved_host_kib) {
      make_room_for(conn, cfg.name, cfg.memory_kib, *cfg.reserved_host_kib);
    }
    std::optional<Domain> dom;
    if (!cfg.snapshot_dir.empty() && file_has_content(snapshot_path(cfg))) {
      dom.emplace(Domain::restore(conn, snapshot_path(cfg), cfg.name));
      ocf::log_info(cat("restored domain ", cfg.name, " from ", snapshot_path(cfg)));
      std::remove(snapshot_path(cfg).c_str());
    } else {
      dom.emplace(Domain::create(conn, cfg.domain_xml()));
    }
    if (!wait_active(conn, cfg.name, ctx.deadline, kPoll)) {
      throw Error(ExitCode::kErrGeneric,
                  cat("domain ", cfg.name, " is ", describe(dom->state()), " after start"));
    }
    update_utilization(cfg.utilization, *dom, ctx.env, ctx.deadline);
    return ExitCode::kSuccess;
  });
}

ExitCode VmAgent::stop(const ocf::Context& ctx) {
  return unless_config_missing(ExitCode::kSuccess, [&] {
    const VmConfig cfg = configure(ctx);
    try {
      return stop_through_libvirt(cfg, ctx.deadline);
    } catch (const Unreachable& unreachable) {
      return stop_without_libvirt(cfg, unreachable, ctx.deadline);
    }
  });
}

ExitCode VmAgent::monitor(const ocf::Context& ctx) {
  const auto observe = [&] {
    const VmConfig cfg = configure(ctx);
    try {
      if (!active_now(cfg, ctx.deadline) &&
          (ctx.env.is_probe() || !reappears(connect(cfg, ctx.deadline), cfg, ctx.deadline))) {
        return ExitCode::kNotRunning;
      }
    } catch (const Unreachable& unreachable) {
      if (const ExitCode code = state_without_libvirt(cfg, unreachable);
          code != ExitCode::kSuccess) {
        return code;
      }
    }
    run_monitor_scripts(cfg, ctx.deadline);
    return ExitCode::kSuccess;
  };
  return ctx.env.is_probe() ? unless_config_missing(ExitCode::kNotRunning, observe) : observe();
}

ExitCode VmAgent::migrate_to(const ocf::Context& ctx) {
  const VmConfig cfg = configure(ctx);
  const auto target = ctx.env.meta("migrate_target");
  if (!target || target->empty()) {
    throw Error(ExitCode::kErrGeneric,
                "migrate_to needs CRM_meta_migrate_target (the target node)");
  }
  return needing_libvirt([&] {
    const Connection conn = connect(cfg, ctx.deadline);
    const auto dom = Domain::lookup(conn, cfg.name);
    if (!dom || !is_active(dom->state())) {
      throw Error(ExitCode::kErrGeneric, cat("domain ", cfg.name, " is not running here"));
    }
    if (!cfg.save_config_to.empty()) save_config(*dom, cfg, ctx.deadline);
    const std::string node(*target);
    const MigrationPlan plan =
        plan_migration(cfg.migration, node, target_address(cfg, node, ctx.deadline));
    ocf::log_info(cat("live-migrating domain ", cfg.name, " to ", node, " (", plan.remote_uri,
                      plan.migrate_uri.empty() ? "" : cat(", data over ", plan.migrate_uri), ")"));
    migrate(*dom, plan, cfg.migration, ctx.deadline);
    ocf::log_info(cat("domain ", cfg.name, " migrated to ", node));
    return ExitCode::kSuccess;
  });
}

ExitCode VmAgent::migrate_from(const ocf::Context& ctx) {
  const VmConfig cfg = configure(ctx);
  return needing_libvirt([&] {
    const Connection conn = connect(cfg, ctx.deadline);
    // Unknown here at all: the migration did not happen (a domain being received exists).
    if (!Domain::lookup(conn, cfg.name) ||
        !wait_active(conn, cfg.name, ctx.deadline.capped(kArrivalGrace), kPoll)) {
      throw Error(ExitCode::kErrGeneric,
                  cat("domain ", cfg.name, " is not running here after migration"));
    }
    if (const auto dom = Domain::lookup(conn, cfg.name)) {
      update_utilization(cfg.utilization, *dom, ctx.env, ctx.deadline);
    }
    ocf::log_info(cat("domain ", cfg.name, " runs here after migration"));
    return ExitCode::kSuccess;
  });
}

}  // namespace hakit::virt
