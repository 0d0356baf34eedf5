#include "ocf/trace.h"

#include <sys/stat.h>

#include <cerrno>
#include <ctime>
#include <string>

#include "exec/command.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::ocf {
namespace {

void log_command(const exec::Command& cmd, const exec::Result& result, exec::Millis elapsed) {
  std::string line = "ran:";
  for (const auto& arg : cmd.argv) line += cat(" ", arg);
  log_debug(cat(mask_secrets(line, cmd.secrets), " -> ", result.describe(), " in ", elapsed.count(),
                " ms"));
}

bool tracing_requested(const Environment& env) {
  for (const auto& value : {env.get("OCF_TRACE_RA"), env.reskey("trace_ra")}) {
    if (value && parse_bool(*value).value_or(false)) return true;
  }
  return false;
}

bool make_directories(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string prefix = path.substr(0, slash);
    if (::mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

std::string timestamp() {
  char text[32];
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  std::strftime(text, sizeof text, "%Y-%m-%d.%H:%M:%S", localtime_r(&now, &local));
  return text;
}

}  // namespace

void start_tracing(std::string_view agent, const Environment& env, std::string_view action) {
  exec::set_observer(log_command);
  if (!tracing_requested(env)) return;
  if (const auto file = env.reskey("trace_file"); file && !file->empty()) {
    trace_to(std::string(*file));
    return;
  }
  const std::string dir = cat(env.get("HA_VARLIB").value_or("/var/lib/heartbeat"), "/trace_ra/",
                              env.resource_type(agent));
  if (!make_directories(dir)) {
    log_warning(cat("trace_ra: cannot create ", dir));
    return;
  }
  trace_to(cat(dir, "/", env.resource_instance(), ".", action, ".", timestamp()));
}

}  // namespace hakit::ocf
