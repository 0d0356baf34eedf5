#include "storage/o2cb_agent.h"

#include <fstream>

#include "exec/command.h"
#include "ocf/environment.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/cluster_daemon.h"
#include "storage/kernel_support.h"
#include "storage/mount_table.h"
#include "storage/process_table.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

// Only old ocfs2-tools ship it; without it the kernel uses dlm_controld directly.
constexpr const char* kLegacyDaemon = "ocfs2_controld.pcmk";

struct StackFiles {
  std::string cluster_stack;   ///< SYSFS/ocfs2/cluster_stack
  std::string loaded_plugins;  ///< SYSFS/ocfs2/loaded_plugins
  explicit StackFiles(const ocf::Parameters& params)
      : cluster_stack(params.str("sysfs") + "/ocfs2/cluster_stack"),
        loaded_plugins(params.str("sysfs") + "/ocfs2/loaded_plugins") {}
};

std::string contents(const std::string& path) {
  std::string text;
  return read_file(path, text) ? std::string(trim(text)) : std::string();
}

bool ocfs2_registered() {
  std::string filesystems;
  return read_file("/proc/filesystems", filesystems) && lists_filesystem(filesystems, "ocfs2");
}

/// The daemon OCFS2's user stack needs here: the legacy one where installed, else the DLM's.
std::string stack_daemon() {
  return exec::find_program(kLegacyDaemon) ? kLegacyDaemon : "dlm_controld";
}

bool ocfs2_mounted() {
  const MountTable table = MountTable::read();
  for (const MountEntry& mount : table.entries()) {
    if (mount.fstype == "ocfs2") return true;
  }
  return false;
}

}  // namespace

bool lists_user_stack(std::string_view loaded_plugins) {
  for (const std::string& plugin : split(loaded_plugins)) {
    if (plugin == "user") return true;
  }
  return false;
}

void O2cbAgent::validate(const ocf::Context& ctx) {
  if (ocf::parse_bool(ctx.env.meta("globally-unique").value_or("false")).value_or(false)) {
    throw Error(ExitCode::kErrConfigured,
                cat(ctx.env.resource_instance(),
                    " must be configured with the globally_unique=false meta attribute"));
  }
  if (ctx.params.str("stack") != "pcmk") {
    throw Error(ExitCode::kErrConfigured,
                cat("stack '", ctx.params.str("stack"), "' is not supported (only pcmk)"));
  }
  const auto timeout = ocf::parse_duration(ctx.params.str("daemon_timeout"));
  if (!timeout) {
    throw Error(ExitCode::kErrConfigured,
                cat("daemon_timeout '", ctx.params.str("daemon_timeout"), "' is not a time"));
  }
}

ExitCode O2cbAgent::start(const ocf::Context& ctx) {
  if (monitor(ctx) == ExitCode::kSuccess) return ExitCode::kSuccess;
  ensure_configfs(ctx.params.str("configfs"), ctx.deadline);
  const StackFiles files(ctx.params);
  if (contents(files.cluster_stack).empty()) load_module("ocfs2_stackglue", ctx.deadline);
  if (!lists_user_stack(contents(files.loaded_plugins))) {
    load_module("ocfs2_stack_user", ctx.deadline);
  }
  if (!lists_user_stack(contents(files.loaded_plugins))) {
    throw Error(ExitCode::kErrInstalled, "Switch to userspace stack unsuccessful");
  }
  if (contents(files.cluster_stack) != ctx.params.str("stack")) {
    std::ofstream(files.cluster_stack) << ctx.params.str("stack") << "\n";
    if (contents(files.cluster_stack) != ctx.params.str("stack")) {
      throw Error(ExitCode::kErrInstalled,
                  cat("Userspace stack '", ctx.params.str("stack"), "' not supported (",
                      files.cluster_stack, " says ", contents(files.cluster_stack), ")"));
    }
  }
  if (!ocfs2_registered()) load_module("ocfs2", ctx.deadline);
  const std::string daemon = stack_daemon();
  if (daemon == kLegacyDaemon && !is_running(daemon)) {
    const exec::Deadline bounded =
        ctx.deadline.capped(*ocf::parse_duration(ctx.params.str("daemon_timeout")));
    start_daemon(
        {exec::find_program(daemon).value()}, [&] { return is_running(daemon); }, bounded);
  }
  if (!is_running(daemon)) {
    throw Error(
        ExitCode::kErrGeneric,
        cat(daemon, " is not running: order o2cb after the dlm (ocf:hakit:controld) clone"));
  }
  return ExitCode::kSuccess;
}

ExitCode O2cbAgent::stop(const ocf::Context& ctx) {
  if (!lists_user_stack(contents(StackFiles(ctx.params).loaded_plugins))) {
    return ExitCode::kSuccess;
  }
  if (ocfs2_mounted()) {
    throw Error(ExitCode::kErrGeneric,
                "an OCFS2 filesystem is still mounted: stop its Filesystem resource first");
  }
  const std::string daemon = stack_daemon();
  if (daemon == kLegacyDaemon && is_running(daemon)) stop_daemon(daemon, ctx.deadline);
  const exec::Result unloaded =
      exec::run({.argv = {"modprobe", "-r", "ocfs2", "ocfs2_stack_user"}}, ctx.deadline);
  if (!unloaded.ok() || lists_user_stack(contents(StackFiles(ctx.params).loaded_plugins))) {
    throw Error(ExitCode::kErrGeneric,
                cat("Unable to unload ocfs2_stack_user: ", unloaded.first_error_line()));
  }
  return ExitCode::kSuccess;
}

ExitCode O2cbAgent::monitor(const ocf::Context& ctx) {
  if (!configfs_mounted(ctx.params.str("configfs"))) {
    ocf::log_info("configfs not mounted");
    return ExitCode::kNotRunning;
  }
  const StackFiles files(ctx.params);
  const std::string plugins = contents(files.loaded_plugins);
  if (plugins.empty()) {
    ocf::log_info("Stack glue driver not loaded");
    return ExitCode::kNotRunning;
  }
  if (!lists_user_stack(plugins)) {
    throw Error(ExitCode::kErrInstalled, cat("Wrong stack ", plugins));
  }
  if (contents(files.cluster_stack) != ctx.params.str("stack") || !ocfs2_registered()) {
    return ExitCode::kNotRunning;
  }
  return is_running(stack_daemon()) ? ExitCode::kSuccess : ExitCode::kNotRunning;
}

}  // namespace hakit::storage
