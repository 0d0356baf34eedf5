#include "net/pingd_config.h"

#include "net/connectivity.h"
#include "ocf/error.h"
#include "ocf/resource_lock.h"
#include "util/strings.h"

namespace hakit::net {
namespace {

using ocf::Error;
using ocf::ExitCode;

// More would only make a dead host take longer to count as dead.
constexpr long long kMaxAttempts = 100;

[[noreturn]] void reject(std::string_view parameter, std::string_view value,
                         std::string_view what) {
  throw Error(ExitCode::kErrConfigured,
              cat("parameter '", parameter, "' is '", value, "' but must be ", what));
}

DebugLevel debug_level(const std::string& text, std::vector<std::string>& ignored) {
  const std::string value = to_lower(trim(text));
  if (value == "verbose" || value == "2") return DebugLevel::kVerbose;
  if (const auto on = ocf::parse_bool(value)) return *on ? DebugLevel::kOn : DebugLevel::kOff;
  // ocf:pacemaker:ping warns and carries on; so do we.
  ignored.push_back(cat("debug=", text, " (not true, false or verbose; taken as false)"));
  return DebugLevel::kOff;
}

/// ocf:pacemaker:ping's pidfile: per attribute name for an anonymous clone (every
/// instance on a node is the same), per instance for a globally unique one.
std::string default_state_file(const std::string& attribute, const ocf::Environment& env) {
  const bool unique =
      ocf::parse_bool(env.meta("globally_unique").value_or("false")).value_or(false);
  std::string id = unique ? env.resource_instance() : attribute;
  for (char& c : id) {
    if (c == '/') c = '_';
  }
  return cat(ocf::state_directory(), "/pingd-", id);
}

/// dampen and timeout are typed "string" in the meta-data, as the OCF 1.1 and
/// resource-agents schemas know no "time" type: parsed here.
exec::Millis duration(const ocf::Parameters& params, std::string_view name) {
  const std::string& text = params.str(name);
  const auto value = ocf::parse_duration(text);
  if (!value) reject(name, text, "a duration such as 5, 5s, 500ms or 1min");
  return *value;
}

}  // namespace

SourceBinding parse_ping_options(std::string_view options, std::vector<std::string>& ignored) {
  SourceBinding source;
  std::vector<std::string> others;
  const auto words = split(options);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string value;
    if (words[i] == "-I" && i + 1 < words.size()) {
      value = words[++i];
    } else if (words[i].starts_with("-I") && words[i].size() > 2) {
      value = words[i].substr(2);
    } else {
      others.push_back(words[i]);
      continue;
    }
    if (auto address = IpAddress::parse(value)) {
      source.address = address;
    } else {
      source.interface = value;
    }
  }
  if (!others.empty())
    ignored.push_back(cat("options '", join(others, " "), "' (only -I is used)"));
  return source;
}

PingdConfig PingdConfig::from(const ocf::Parameters& params, const ocf::Environment& env) {
  PingdConfig config;
  config.attribute = params.str("name");
  if (trim(config.attribute).empty()) reject("name", config.attribute, "a node attribute name");
  config.attribute_set = params.str("set");
  config.hosts = parse_host_list(params.str("host_list"));

  config.multiplier = params.integer("multiplier");
  if (!score_fits(config.hosts.size(), config.multiplier)) {
    reject("multiplier", cat(config.multiplier), "small enough that hosts × multiplier fits");
  }
  config.dampen = duration(params, "dampen");

  const long long attempts = params.integer("attempts");
  if (attempts < 1 || attempts > kMaxAttempts) {
    reject("attempts", cat(attempts), cat("between 1 and ", kMaxAttempts));
  }
  config.probe.attempts = int(attempts);
  config.probe.timeout = duration(params, "timeout");
  if (config.probe.timeout.count() <= 0) {
    reject("timeout", params.str("timeout"), "a positive duration such as 2 or 500ms");
  }
  config.probe.source = parse_ping_options(params.str("options"), config.ignored);
  if (params.is_set("use_fping")) {
    config.ignored.emplace_back("use_fping (no fping: hakit pings in-process)");
  }

  if (params.is_set("failure_score")) config.failure_score = params.integer("failure_score");
  config.debug = debug_level(params.str("debug"), config.ignored);

  config.state_file =
      params.is_set("pidfile") ? params.str("pidfile") : default_state_file(config.attribute, env);
  if (!config.state_file.starts_with('/')) {
    reject("pidfile", config.state_file, "an absolute path");
  }
  return config;
}

}  // namespace hakit::net
