#include "net/pingd_agent.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "net/connectivity.h"
#include "net/pingd_config.h"
#include "net/pingd_state.h"
#include "net/resolver.h"
#include "ocf/attrd_memo.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "ocf/node_attribute.h"
#include "util/strings.h"

namespace hakit::net {
namespace {

using ocf::Error;
using ocf::ExitCode;

// attrd_updater normally answers within milliseconds; the probe must not eat its time.
constexpr exec::Millis kAttributeUpdateReserve{3000};

exec::Deadline probe_deadline(const exec::Deadline& action) {
  const exec::Millis remaining = action.remaining();
  return action.capped(remaining - std::min(kAttributeUpdateReserve, remaining / 2));
}

std::string describe_score(const PingdConfig& config, const Connectivity& connectivity,
                           long long score) {
  return cat(config.attribute, "=", score, ", ", connectivity.reachable, " of ", connectivity.hosts,
             " hosts reachable");
}

Connectivity measure(const PingdConfig& config, const exec::Deadline& action_deadline) {
  const exec::Deadline deadline = probe_deadline(action_deadline);
  // Without time to ping, every host would count as unreachable: a false 0.
  if (deadline.expired()) {
    throw Error(ExitCode::kErrGeneric, "no time left to ping; raise the operation's timeout");
  }
  const auto results = probe(resolve(config.hosts, deadline), config.probe, deadline);
  if (config.debug == DebugLevel::kVerbose) {
    for (size_t i = 0; i < results.size(); ++i) {
      ocf::log_info(results[i].reachable ? cat(config.hosts[i].text, ": reply in ",
                                               double(results[i].round_trip.count()) / 1000, " ms")
                                         : cat(config.hosts[i].text, ": ", results[i].problem));
    }
  }
  return Connectivity::of(config.hosts, results);
}

bool listed(const std::vector<std::string>& hosts, const std::string& host) {
  return std::find(hosts.begin(), hosts.end(), host) != hosts.end();
}

/// Once per change, not on every monitor: a host lost (warning) or back (info).
void log_changes(const PingdConfig& config, const std::vector<std::string>& unreachable_before,
                 const Connectivity& now, long long score) {
  const std::string summary = describe_score(config, now, score);
  for (const auto& host : now.unreachable) {
    if (!listed(unreachable_before, host.host)) {
      ocf::log_warning(cat("connectivity lost to ", host.host, " (", host.problem, "): ", summary));
    }
  }
  const auto unreachable_now = now.unreachable_names();
  for (const auto& host : unreachable_before) {
    if (!listed(unreachable_now, host)) {
      ocf::log_info(cat("connectivity restored to ", host, ": ", summary));
    }
  }
  if (config.debug != DebugLevel::kOff) ocf::log_info(summary);
}

/// What attrd was last given, beside the state file: an unchanged score is not re-sent
/// to the attrd that holds it (lib/ocf/attrd_memo.h).
ocf::AttrdMemo attrd_memo(const PingdConfig& config) {
  return ocf::AttrdMemo(config.state_file + ".attrd");
}

struct Measurement {
  Connectivity connectivity;
  long long score = 0;
};

/// Pings, writes the attribute (with the dampening, when attrd has not got this one yet)
/// and records the new state.
Measurement update(const PingdConfig& config, const PingdState& state, const ocf::Context& ctx) {
  const Connectivity connectivity = measure(config, ctx.deadline);
  const long long score = connectivity_score(connectivity.reachable, config.multiplier);
  const bool new_dampening = dampening_changed(state, config.dampen);
  const ocf::SendReason sent = ocf::update_node_attribute(
      {.name = config.attribute,
       .value = cat(score),
       .dampen = cat(config.dampen.count(), "ms"),
       .update_dampening = new_dampening,
       .set = config.attribute_set.empty() ? std::nullopt : std::optional(config.attribute_set)},
      attrd_memo(config), ctx.deadline);
  if (sent == ocf::SendReason::kNewAttrd) {
    ocf::log_info(cat("attrd restarted: ", config.attribute, "=", score, " sent again"));
  }
  if (new_dampening && sent != ocf::SendReason::kHeld) {
    ocf::log_info(cat("attrd dampens ", config.attribute, " by ", config.dampen.count(), " ms"));
  }
  log_changes(config, state.unreachable, connectivity, score);
  const PingdState next{config.dampen, connectivity.unreachable_names()};
  if (next != state) next.save(config.state_file);
  return {connectivity, score};
}

void enforce_failure_score(const PingdConfig& config, const Measurement& measured) {
  if (!below_failure_score(measured.score, config.failure_score)) return;
  std::string reason = cat(describe_score(config, measured.connectivity, measured.score),
                           ", below failure_score ", *config.failure_score);
  if (!measured.connectivity.unreachable.empty()) {
    reason += cat("; unreachable: ", measured.connectivity.describe_unreachable());
  }
  throw Error(ExitCode::kErrGeneric, reason);
}

}  // namespace

void PingdAgent::validate(const ocf::Context& ctx) {
  const PingdConfig config = PingdConfig::from(ctx.params, ctx.env);
  for (const auto& ignored : config.ignored) {
    ocf::log_warning(cat("ignored: ", ignored, " (hakit pings in-process, without ping or fping)"));
  }
  if (ctx.action != "validate-all" || ctx.env.check_level() < 10) return;
  const std::string directory = std::filesystem::path(config.state_file).parent_path();
  if (::access(directory.c_str(), W_OK) != 0) {
    throw Error(ExitCode::kErrPerm, cat("the state file's directory ", directory,
                                        " is not writable (set pidfile elsewhere)"));
  }
  // Names may resolve to either family; IPv6 only where it is certain to be needed.
  EchoSocket ipv4_check(AF_INET, config.probe.socket_kind, config.probe.source);
  if (std::any_of(config.hosts.begin(), config.hosts.end(),
                  [](const Host& host) { return host.kind == HostKind::kIpv6; })) {
    EchoSocket ipv6_check(AF_INET6, config.probe.socket_kind, config.probe.source);
  }
}

ExitCode PingdAgent::start(const ocf::Context& ctx) {
  const PingdConfig config = PingdConfig::from(ctx.params, ctx.env);
  PingdState state = PingdState::load(config.state_file).value_or(PingdState{});
  state.applied_dampen.reset();  // attrd may have lost the attribute since: tell it again
  attrd_memo(config).forget();
  enforce_failure_score(config, update(config, state, ctx));
  return ExitCode::kSuccess;
}

ExitCode PingdAgent::stop(const ocf::Context& ctx) {
  const PingdConfig config = PingdConfig::from(ctx.params, ctx.env);
  attrd_memo(config).forget();
  if (!PingdState::remove(config.state_file)) {
    throw Error(ExitCode::kErrGeneric, cat("cannot remove state file ", config.state_file));
  }
  try {
    ocf::delete_node_attribute(config.attribute, ctx.deadline);
  } catch (const Error& error) {
    // Without attrd there is no attribute to remove (the cluster is going down).
    ocf::log_warning(error.what());
  }
  return ExitCode::kSuccess;
}

ExitCode PingdAgent::monitor(const ocf::Context& ctx) {
  const PingdConfig config = PingdConfig::from(ctx.params, ctx.env);
  const auto state = PingdState::load(config.state_file);
  if (!state) return ExitCode::kNotRunning;
  enforce_failure_score(config, update(config, *state, ctx));
  return ExitCode::kSuccess;
}

ExitCode PingdAgent::reload(const ocf::Context& ctx) {
  const PingdConfig config = PingdConfig::from(ctx.params, ctx.env);
  const auto state = PingdState::load(config.state_file);
  if (!state) return ExitCode::kSuccess;  // nothing runs that could use the new parameters
  update(config, *state, ctx);            // failure_score is the next monitor's business
  return ExitCode::kSuccess;
}

}  // namespace hakit::net
