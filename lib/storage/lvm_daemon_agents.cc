#include "storage/lvm_daemon_agents.h"

#include <algorithm>

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/cluster_daemon.h"
#include "storage/dlm_state.h"
#include "storage/lvm_tools.h"
#include "storage/process_table.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

void require_programs(std::initializer_list<const char*> programs) {
  for (const char* program : programs) {
    if (!exec::find_program(program)) {
      throw Error(ExitCode::kErrInstalled, cat(program, " is not installed"));
    }
  }
}

}  // namespace

void LvmlockdAgent::validate(const ocf::Context&) {
  require_programs({"lvmlockd", "lvmlockctl", "dlm_tool"});
}

ExitCode LvmlockdAgent::start(const ocf::Context& ctx) {
  if (is_running("lvmlockd")) {
    ocf::log_info("lvmlockd is already running");
    return ExitCode::kSuccess;
  }
  // The shell agent edits lvm.conf behind the administrator's back; say what to set instead.
  if (lvm_config_value("global/use_lvmlockd", ctx.deadline) != "1") {
    throw Error(ExitCode::kErrConfigured,
                "lvm.conf must set global/use_lvmlockd = 1 on every node for lvmlockd");
  }
  if (!is_running("dlm_controld")) {
    throw Error(ExitCode::kErrConfigured,
                "DLM is not running: order lvmlockd after the dlm (ocf:hakit:controld) clone");
  }
  const std::string& socket = ctx.params.str("socket_path");
  std::vector<std::string> argv{"lvmlockd", "-p", ctx.params.str("pidfile"), "-g", "dlm"};
  if (!socket.empty()) argv.insert(argv.end(), {"-s", socket});
  if (!ctx.params.str("syslog_priority").empty()) {
    argv.insert(argv.end(), {"-S", ctx.params.str("syslog_priority")});
  }
  argv.insert(argv.end(), {"-A", std::to_string(ctx.params.integer("adopt"))});
  start_daemon(
      argv, [&] { return is_running("lvmlockd") && (socket.empty() || path_exists(socket)); },
      ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode LvmlockdAgent::stop(const ocf::Context& ctx) {
  if (!is_running("lvmlockd")) return ExitCode::kSuccess;
  if (!dlm_lockspace_names(dlm_tool({"ls"}, ctx.deadline)).empty()) {
    ocf::log_info("stopping the lockspaces of shared VGs");
    run_lvm({"lvmlockctl", "--stop-lockspaces"}, ctx.deadline);
  }
  const bool closed = wait_until(
      [&] {
        const auto names = dlm_lockspace_names(dlm_tool({"ls"}, ctx.deadline));
        return std::none_of(names.begin(), names.end(),
                            [](const std::string& name) { return name.starts_with("lvm_"); });
      },
      ctx.deadline);
  if (!closed) throw Error(ExitCode::kErrGeneric, "Failed to close all lockspaces clearly");
  stop_daemon("lvmlockd", ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode LvmlockdAgent::monitor(const ocf::Context&) {
  return is_running("lvmlockd") ? ExitCode::kSuccess : ExitCode::kNotRunning;
}

void ClvmdAgent::validate(const ocf::Context&) {
  if (!exec::find_program("clvmd")) {
    throw Error(ExitCode::kErrInstalled,
                "clvmd is not installed (LVM 2.03 removed it): use ocf:hakit:lvmlockd and "
                "LVM-activate with vg_access_mode=lvmlockd instead");
  }
}

ExitCode ClvmdAgent::start(const ocf::Context& ctx) {
  if (is_running("clvmd")) return ExitCode::kSuccess;
  std::vector<std::string> argv{"clvmd", cat("-T", ctx.params.integer("daemon_timeout"))};
  for (const std::string& option : split(ctx.params.str("daemon_options"))) argv.push_back(option);
  start_daemon(
      argv, [] { return is_running("clvmd"); }, ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode ClvmdAgent::stop(const ocf::Context& ctx) {
  if (is_running("clvmd")) stop_daemon("clvmd", ctx.deadline);
  return ExitCode::kSuccess;
}

ExitCode ClvmdAgent::monitor(const ocf::Context&) {
  return is_running("clvmd") ? ExitCode::kSuccess : ExitCode::kNotRunning;
}

}  // namespace hakit::storage
