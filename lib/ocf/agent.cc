#include "ocf/agent.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>

#include "ocf/error.h"
#include "ocf/log.h"
#include "ocf/resource_lock.h"
#include "ocf/trace.h"
#include "util/strings.h"

namespace hakit::ocf {
namespace {

constexpr exec::Millis kDefaultTimeout{20000};
// Parameters every agent accepts without declaring them (ocf-shellfuncs' tracing switches).
constexpr std::string_view kGenericParameters[] = {"trace_ra", "trace_file"};

[[noreturn]] void unimplemented(const Context& ctx) {
  throw Error(ExitCode::kErrUnimplemented, cat("action '", ctx.action, "' is not implemented"));
}

void print_usage(const AgentMetadata& metadata) {
  std::string actions;
  for (const auto& action : metadata.actions) {
    if (actions.find(cat(action.name, "|")) == std::string::npos) actions += cat(action.name, "|");
  }
  if (!actions.empty()) actions.pop_back();
  std::fprintf(stderr, "usage: %.*s {%s}\n", int(metadata.name.size()), metadata.name.data(),
               actions.c_str());
}

/// The action's budget: Pacemaker's timeout, else the advertised one, minus a margin so
/// that the agent reports its own failure before Pacemaker kills it.
exec::Deadline action_deadline(const Environment& env, const AgentMetadata& metadata,
                               std::string_view action) {
  exec::Millis timeout = kDefaultTimeout;
  if (const auto given = env.timeout()) {
    timeout = *given;
  } else if (const ActionSpec* spec = metadata.action(action); spec && spec->timeout.count()) {
    timeout = spec->timeout;
  }
  const exec::Millis margin = std::clamp(timeout / 20, exec::Millis(200), exec::Millis(5000));
  return exec::Deadline::in(timeout > 2 * margin ? timeout - margin : timeout / 2);
}

void warn_about_unknown_parameters(const Environment& env, const AgentMetadata& metadata) {
  for (const auto& name : env.parameter_names()) {
    if (metadata.param(name) != nullptr || name == "OCF_CHECK_LEVEL") continue;
    if (std::find(std::begin(kGenericParameters), std::end(kGenericParameters), name) !=
        std::end(kGenericParameters)) {
      continue;
    }
    log_warning(cat("unknown parameter '", name, "' is ignored (see meta-data for valid names)"));
  }
}

ExitCode run_action(Agent& agent, const AgentMetadata& metadata, const Context& ctx) {
  const std::string& action = ctx.action;
  if (action == "validate-all") {
    warn_about_unknown_parameters(ctx.env, metadata);
    agent.validate(ctx);
    return ExitCode::kSuccess;
  }
  if (action == "start") {
    agent.validate(ctx);
    return agent.start(ctx);
  }
  if (action == "stop") return agent.stop(ctx);
  if (action == "monitor" || action == "status") return agent.monitor(ctx);
  if (action == "promote") return agent.promote(ctx);
  if (action == "demote") return agent.demote(ctx);
  if (action == "notify") return agent.notify(ctx);
  if (action == "migrate_to") return agent.migrate_to(ctx);
  if (action == "migrate_from") return agent.migrate_from(ctx);
  if (action == "reload") return agent.reload(ctx);
  if (action == "reload-agent") return agent.reload_agent(ctx);
  unimplemented(ctx);
}

}  // namespace

void Agent::validate(const Context&) {}
ExitCode Agent::promote(const Context& ctx) { unimplemented(ctx); }
ExitCode Agent::demote(const Context& ctx) { unimplemented(ctx); }
ExitCode Agent::notify(const Context& ctx) { unimplemented(ctx); }
ExitCode Agent::migrate_to(const Context& ctx) { unimplemented(ctx); }
ExitCode Agent::migrate_from(const Context& ctx) { unimplemented(ctx); }
ExitCode Agent::reload(const Context& ctx) { unimplemented(ctx); }
ExitCode Agent::reload_agent(const Context& ctx) { unimplemented(ctx); }

int dispatch(Agent& agent, const AgentMetadata& metadata, int argc, char** argv) {
  if (argc < 2) {
    print_usage(metadata);
    return int(ExitCode::kErrArgs);
  }
  const std::string action = argv[1];
  // meta-data needs no parameters and must work for any user: answer before anything else.
  if (action == "meta-data") {
    std::fwrite(metadata.xml.data(), 1, metadata.xml.size(), stdout);
    return std::fflush(stdout) == 0 ? int(ExitCode::kSuccess) : int(ExitCode::kErrGeneric);
  }
  if (action == "usage" || action == "help") {
    print_usage(metadata);
    return int(ExitCode::kSuccess);
  }

  const Environment env = Environment::from_process();
  configure_logging(metadata.name, env);
  start_tracing(metadata.name, env, action);
  try {
    // "status" is the legacy name of monitor; anything else must be advertised.
    if (!metadata.advertises(action == "status" ? "monitor" : action)) {
      throw Error(ExitCode::kErrUnimplemented,
                  cat("action '", action, "' is not implemented by ", metadata.name));
    }
    const Parameters params(metadata, env);
    const Context ctx{env, params, action, action_deadline(env, metadata, action)};
    std::optional<ResourceLock> lock;
    if (action != "validate-all") {
      lock.emplace(std::string(metadata.name), env.resource_instance(), ctx.deadline);
    }
    return int(run_action(agent, metadata, ctx));
  } catch (const Error& error) {
    if (error.code() == ExitCode::kErrUnimplemented) {
      log_debug(error.what());  // an expected answer, not a failure (ocf-tester probes for it)
    } else {
      exit_reason(error.what());
    }
    return int(error.code());
  } catch (const std::exception& error) {
    exit_reason(cat("internal error during ", action, ": ", error.what()));
    return int(ExitCode::kErrGeneric);
  }
}

}  // namespace hakit::ocf
