#include "storage/controld_agent.h"

#include <sys/stat.h>

#include "exec/command.h"
#include "ocf/cluster_property.h"
#include "ocf/environment.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/cluster_daemon.h"
#include "storage/dlm_state.h"
#include "storage/process_table.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr const char* kConfigfs = "/sys/kernel/config";

/// The daemon's process name: the basename of the `daemon` parameter.
std::string daemon_name(const ocf::Parameters& params) {
  const std::string& daemon = params.str("daemon");
  return daemon.substr(daemon.rfind('/') + 1);
}

bool allowed_without_fencing(const ocf::Parameters& params) {
  return ocf::parse_bool(params.str("allow_stonith_disabled")).value_or(false);
}

void require_fencing(const ocf::Parameters& params, const exec::Deadline& deadline) {
  if (allowed_without_fencing(params)) return;
  const auto enabled = ocf::cluster_property("stonith-enabled", "true", deadline);
  if (!enabled) {
    throw Error(ExitCode::kErrConfigured,
                "cannot read the cluster property stonith-enabled (no CIB here); the DLM needs "
                "fencing: set allow_stonith_disabled=true only for a cluster without it");
  }
  if (!ocf::parse_bool(*enabled).value_or(true)) {
    throw Error(ExitCode::kErrConfigured,
                "The cluster property stonith-enabled may not be deactivated to use the DLM "
                "(set allow_stonith_disabled=true to accept hung lockspaces on node failure)");
  }
  if (ocf::cluster_property("no-quorum-policy", "stop", deadline) != "freeze") {
    ocf::log_warning(
        "The DLM cluster best practice suggests to set the cluster property "
        "\"no-quorum-policy=freeze\"");
  }
}

/// A lockspace waits for fencing and no fencing action is pending that would end it.
bool stuck_waiting_for_fencing(const exec::Deadline& deadline) {
  if (!dlm_waits_for_fencing(dlm_tool({"ls"}, deadline))) return false;
  const exec::Result pending =
      exec::run({.argv = {"stonith_admin", "--history", "*", "--output-as", "xml"}}, deadline);
  return pending.out.find("extended-status=\"pending\"") == std::string::npos;
}

}  // namespace

void ControldAgent::validate(const ocf::Context& ctx) {
  if (ocf::parse_bool(ctx.env.meta("globally-unique").value_or("false")).value_or(false)) {
    throw Error(ExitCode::kErrConfigured,
                cat("The globally-unique meta attribute must not be enabled for ",
                    ctx.env.resource_instance()));
  }
  if (ctx.env.check_level() >= 10 && !exec::find_program(ctx.params.str("daemon"))) {
    throw Error(ExitCode::kErrInstalled, cat(ctx.params.str("daemon"), " is not installed"));
  }
}

ExitCode ControldAgent::start(const ocf::Context& ctx) {
  if (monitor(ctx) == ExitCode::kSuccess) return ExitCode::kSuccess;
  require_fencing(ctx.params, ctx.deadline);
  ::mkdir("/run/cluster", 0755);
  ensure_configfs(kConfigfs, ctx.deadline);
  const std::string dlm_dir = cat(kConfigfs, "/dlm");
  if (!path_exists(dlm_dir)) load_module("dlm", ctx.deadline);
  if (!path_exists(dlm_dir)) {
    throw Error(ExitCode::kErrInstalled, cat(dlm_dir, " not available"));
  }
  std::vector<std::string> argv{ctx.params.str("daemon")};
  for (const std::string& arg : split(ctx.params.str("args"))) argv.push_back(arg);
  const std::string name = daemon_name(ctx.params);
  start_daemon(
      argv, [&] { return is_running(name) && dlm_comms_configured(kConfigfs); }, ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode ControldAgent::stop(const ocf::Context& ctx) {
  const std::string name = daemon_name(ctx.params);
  if (!is_running(name)) return ExitCode::kSuccess;
  // dlm_controld ignores SIGTERM while lockspaces exist (a mounted GFS2, lvmlockd): the
  // stop then fails in time, which is the truth.
  stop_daemon(name, ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode ControldAgent::monitor(const ocf::Context& ctx) {
  if (!is_running(daemon_name(ctx.params))) {
    const auto orphans = kernel_lockspaces();
    if (!orphans.empty()) {
      throw Error(ExitCode::kErrGeneric,
                  cat("uncontrolled lockspaces without ", daemon_name(ctx.params), ": ",
                      join(orphans, " "), "; this node must be rebooted"));
    }
    return ExitCode::kNotRunning;
  }
  if (dlm_stateful_merge_wait(dlm_tool({"status", "-v"}, ctx.deadline))) {
    throw Error(ExitCode::kErrGeneric, "DLM status is: stateful_merge_wait");
  }
  if (stuck_waiting_for_fencing(ctx.deadline)) {
    throw Error(ExitCode::kErrGeneric, "DLM status is: wait fencing");
  }
  return ExitCode::kSuccess;
}

}  // namespace hakit::storage
