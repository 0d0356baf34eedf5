#include "ocf/log.h"

#include <sys/syslog.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <string>

#include "util/strings.h"

namespace hakit::ocf {
namespace {

struct Facility {
  std::string_view name;
  int value;
};
constexpr std::array kFacilities = {
    Facility{"daemon", LOG_DAEMON},    Facility{"user", LOG_USER},
    Facility{"local0", LOG_LOCAL0},    Facility{"local1", LOG_LOCAL1},
    Facility{"local2", LOG_LOCAL2},    Facility{"local3", LOG_LOCAL3},
    Facility{"local4", LOG_LOCAL4},    Facility{"local5", LOG_LOCAL5},
    Facility{"local6", LOG_LOCAL6},    Facility{"local7", LOG_LOCAL7},
    Facility{"authpriv", LOG_AUTHPRIV}};

struct LogSettings {
  std::string prefix = "hakit";  ///< "Filesystem(fs1)[1234]"
  std::string tag;               ///< syslog ident and log file tag
  bool use_syslog = false;
  bool debug = false;
  std::string logfile;
  std::string debugfile;
  std::string tracefile;
  std::string exit_reason_prefix = "ocf-exit-reason:";
};

LogSettings& settings() {
  static LogSettings instance;
  return instance;
}

std::string_view severity_label(Severity severity) {
  switch (severity) {
    case Severity::kDebug:
      return "DEBUG";
    case Severity::kInfo:
      return "INFO";
    case Severity::kNotice:
      return "NOTICE";
    case Severity::kWarning:
      return "WARNING";
    case Severity::kError:
      return "ERROR";
    case Severity::kCritical:
      break;
  }
  return "CRIT";
}

int syslog_priority(Severity severity) {
  switch (severity) {
    case Severity::kDebug:
      return LOG_DEBUG;
    case Severity::kInfo:
      return LOG_INFO;
    case Severity::kNotice:
      return LOG_NOTICE;
    case Severity::kWarning:
      return LOG_WARNING;
    case Severity::kError:
      return LOG_ERR;
    case Severity::kCritical:
      break;
  }
  return LOG_CRIT;
}

// Appending is best effort: ocf-tester runs agents as nobody, and a log file that
// cannot be written must never make an action fail.
void append_to(const std::string& path, const std::string& line) {
  if (path.empty()) return;
  FILE* file = std::fopen(path.c_str(), "ae");
  if (file == nullptr) return;
  char stamp[32];
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  std::strftime(stamp, sizeof stamp, "%b %d %T", localtime_r(&now, &local));
  std::fprintf(file, "%s:\t%s %s\n", settings().tag.c_str(), stamp, line.c_str());
  std::fclose(file);
}

std::string first_set(const Environment& env, std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    if (auto value = env.get(name); value && !value->empty()) return std::string(*value);
  }
  return {};
}

}  // namespace

void configure_logging(std::string_view agent, const Environment& env) {
  LogSettings& s = settings();
  s.prefix = cat(env.resource_type(agent), "(", env.resource_instance(), ")[", ::getpid(), "]");
  s.tag = first_set(env, {"HA_LOGTAG"});
  if (s.tag.empty()) s.tag = std::string(agent);
  s.debug = env.debug();
  s.logfile = first_set(env, {"HA_logfile", "HA_LOGFILE"});
  s.debugfile = first_set(env, {"HA_debugfile", "HA_DEBUGLOG"});
  if (auto prefix = env.get("OCF_EXIT_REASON_PREFIX"); prefix && !prefix->empty()) {
    s.exit_reason_prefix = std::string(*prefix);
  }
  const std::string facility = to_lower(first_set(env, {"HA_LOGFACILITY"}));
  s.use_syslog = false;
  for (const auto& known : kFacilities) {
    if (facility == known.name) {
      ::openlog(s.tag.c_str(), LOG_PID, known.value);
      s.use_syslog = true;
    }
  }
}

void trace_to(const std::string& path) { settings().tracefile = path; }

void log(Severity severity, std::string_view message) {
  const LogSettings& s = settings();
  if (severity == Severity::kDebug && !s.debug) {
    if (!s.tracefile.empty()) {
      append_to(s.tracefile, cat(s.prefix, ": ", severity_label(severity), ": ", message));
    }
    return;
  }
  const std::string line = cat(s.prefix, ": ", severity_label(severity), ": ", message);
  append_to(s.tracefile, line);
  std::fprintf(stderr, "%s\n", line.c_str());
  if (s.use_syslog) ::syslog(syslog_priority(severity), "%s", line.c_str());
  append_to(severity == Severity::kDebug && !s.debugfile.empty() ? s.debugfile : s.logfile, line);
}

void exit_reason(std::string_view reason) {
  std::fprintf(stderr, "%s%.*s\n", settings().exit_reason_prefix.c_str(), int(reason.size()),
               reason.data());
  log(Severity::kError, reason);
}

}  // namespace hakit::ocf
