#include "storage/drbd_agent.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "ocf/attrd_memo.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "ocf/node_attribute.h"
#include "storage/drbd_clone_meta.h"
#include "storage/drbd_minor_cache.h"
#include "storage/drbd_peers.h"
#include "storage/drbd_proc.h"
#include "storage/drbd_promotion_score.h"
#include "storage/drbd_tools.h"
#include "util/strings.h"

namespace hakit::storage {

using ocf::Context;
using ocf::Error;
using ocf::ExitCode;

/// What every action works with once the configuration checked out.
struct DrbdSetup {
  DrbdTools tools;
  DrbdVersion version{};
  bool loaded = false;  ///< the module is loaded (/proc/drbd)
  DrbdCloneMeta clone{};
  PromotionScoreLevels levels{};
  std::vector<std::string> devices{};  ///< from drbdadm sh-dev, when asked for
  std::string self{};                  ///< uname -n, as the anchor compares node names
};

namespace {

constexpr std::string_view kNameCharacters =
    "-%+./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
/// The anchor's minimum time a failing promote takes, so that Pacemaker's recovery does not
/// loop tightly.
constexpr auto kPromoteFailureFloor = std::chrono::seconds(15);
constexpr auto kRetryPause = std::chrono::seconds(1);

bool only_name_characters(std::string_view text) {
  return text.find_first_not_of(kNameCharacters) == std::string_view::npos;
}

/// How much to check: stop and monitor skip the clone meta and notify checks (probes do not
/// get them), only start and promote check allow-two-primaries.
enum class Scope { kStop, kMonitor, kOther };

Scope scope_of(const Context& ctx) {
  if (ctx.action == "stop") return Scope::kStop;
  if (ctx.action == "monitor" || ctx.action == "status") return Scope::kMonitor;
  return Scope::kOther;
}

void require_tool(const std::string& tool) {
  if (!exec::find_program(tool)) {
    throw Error(ExitCode::kErrInstalled, cat(tool, " not found (install drbd-utils)"));
  }
}

DrbdVersion module_version(bool& loaded, const Context& ctx) {
  if (auto version = loaded_drbd_version()) {
    loaded = true;
    return *version;
  }
  // Not loaded yet: start loads it; what would it be?
  if (auto version = installed_drbd_version(ctx.deadline)) return *version;
  throw Error(ExitCode::kErrInstalled, "the DRBD kernel module is not available (modinfo drbd)");
}

void check_required_version(const Context& ctx, const DrbdVersion& version) {
  for (const auto& [param, at_least] : {std::pair{"require_drbd_module_version_ge", true},
                                        std::pair{"require_drbd_module_version_lt", false}}) {
    const std::string& text = ctx.params.str(param);
    if (text.empty()) continue;
    const auto required = parse_drbd_version(text);
    if (!required) {
      throw Error(ExitCode::kErrConfigured, cat(param, "=", text, " is not a version x.y.z"));
    }
    if (at_least ? version < *required : version >= *required) {
      throw Error(ExitCode::kErrInstalled,
                  cat("DRBD module ", version.text(), " does not satisfy ", param, "=", text));
    }
  }
}

PromotionScoreLevels score_levels(const Context& ctx) {
  const std::string& text = ctx.params.str("adjust_master_score");
  if (auto levels = parse_promotion_score_levels(text)) return *levels;
  ocf::log_error(cat("adjust_master_score '", text,
                     "' is not four non-decreasing numbers: using the default 0 10 1000 10000"));
  return {};
}

/// The state from drbdsetup; with DRBD 8.4, its minors are remembered for monitor.
DrbdResourceState current_state(const DrbdSetup& setup, const Context& ctx) {
  DrbdResourceState state = setup.tools.state(ctx.deadline);
  if (!setup.version.is_v9() && state.configured()) {
    std::vector<int> minors;
    for (const auto& volume : state.volumes) minors.push_back(volume.minor);
    remember_minors(setup.tools.resource(), minors);
  }
  return state;
}

/// For monitor: DRBD 8.4's /proc/drbd for the remembered minors (no process), else
/// current_state.
DrbdResourceState monitored_state(const DrbdSetup& setup, const Context& ctx) {
  if (!setup.version.is_v9()) {
    std::string proc_drbd;
    const auto minors = remembered_minors(setup.tools.resource());
    if (minors && read_file("/proc/drbd", proc_drbd)) {
      if (auto state = parse_proc_drbd(proc_drbd, *minors)) return *state;
    }
  }
  return current_state(setup, ctx);
}

/// The checks that need no process (but modinfo when the module is not loaded).
DrbdSetup check_configuration(const Context& ctx) {
  const std::string& resource = ctx.params.str("drbd_resource");
  const std::string& config_file = ctx.params.str("drbdconf");
  if (!only_name_characters(resource)) {
    throw Error(ExitCode::kErrConfigured,
                cat("drbd_resource '", resource, "' may only contain ", kNameCharacters));
  }
  if (!only_name_characters(config_file)) {
    throw Error(ExitCode::kErrConfigured,
                cat("drbdconf '", config_file, "' may only contain ", kNameCharacters));
  }
  require_tool("drbdadm");
  require_tool("drbdsetup");
  if (!config_file.empty() && ::access(config_file.c_str(), R_OK) != 0) {
    throw Error(ExitCode::kErrInstalled,
                cat("DRBD configuration file ", config_file, " does not exist or is not readable"));
  }
  DrbdSetup setup{.tools = DrbdTools(resource, config_file), .self = ocf::host_name()};
  setup.version = module_version(setup.loaded, ctx);
  check_required_version(ctx, setup.version);
  const Scope scope = scope_of(ctx);
  if (scope != Scope::kStop) setup.clone = check_clone_meta(ctx.env, setup.version);
  if (scope == Scope::kOther && ctx.action != "validate-all") {
    check_notifications(ctx.env, ctx.params.boolean("ignore_missing_notifications"));
  }
  setup.levels = score_levels(ctx);
  return setup;
}

/// drbdadm sh-dev: the resource's devices, which also proves it is in the configuration
/// (as a stacked resource if need be). nullopt when it is not.
std::optional<std::vector<std::string>> configured_devices(DrbdSetup& setup, const Context& ctx) {
  auto result = setup.tools.drbdadm({"sh-dev", setup.tools.resource()}, ctx.deadline);
  if (!result.ok()) {
    setup.tools.use_stacked();
    result = setup.tools.drbdadm({"sh-dev", setup.tools.resource()}, ctx.deadline);
    if (!result.ok()) return std::nullopt;
  }
  return split(result.out);
}

/// The promotion score is a transient node attribute that attrd holds: a monitor re-sends an
/// unchanged score only to a new attrd (lib/ocf/attrd_memo.h), so that it starts no process.
ocf::AttrdMemo score_memo(const Context& ctx) {
  return ocf::AttrdMemo(drbd_state_file(ctx.env.resource_instance(), "score"));
}

/// Sets (score > 0) or removes the promotion score unless attrd holds it already. A failure
/// is logged, not fatal: the state the action reports is true either way (as the anchor).
void send_score(std::optional<int> score, const Context& ctx) {
  try {
    score_memo(ctx).send_unless_held(
        score ? cat("promotion score ", *score) : "promotion score removed", [&] {
          if (score) {
            ocf::set_promotion_score(*score, ctx.deadline);
          } else {
            ocf::clear_promotion_score(ctx.deadline);
          }
        });
  } catch (const Error& error) {
    ocf::log_warning(error.what());  // e.g. no cluster to ask
  }
}

/// Removes the score whatever the memo says (stop, outdated, misconfigured).
void clear_score(const Context& ctx) {
  score_memo(ctx).forget();
  send_score(std::nullopt, ctx);
}

[[noreturn]] void not_in_configuration(const DrbdSetup& setup, const Context& ctx) {
  clear_score(ctx);
  throw Error(ExitCode::kErrInstalled,
              cat("DRBD resource ", setup.tools.resource(), " not found in ",
                  ctx.params.str("drbdconf"), " (for this host, ", setup.self, ")"));
}

/// promoted-max=2 needs allow-two-primaries in the resource's net section.
void check_two_primaries(const DrbdSetup& setup, const Context& ctx) {
  if (setup.clone.promoted_max < 2) return;
  const auto dump = setup.tools.drbdadm({"-d", "-v", "dump", setup.tools.resource()}, ctx.deadline);
  for (const auto& line : split(dump.out, "\n")) {
    const auto words = split(line, " \t;");
    if (!words.empty() && words[0] == "allow-two-primaries" &&
        (words.size() == 1 || words[1] == "yes")) {
      return;
    }
  }
  throw Error(ExitCode::kErrConfigured,
              cat("promoted-max=2, but DRBD resource ", setup.tools.resource(),
                  " does not allow-two-primaries (add it to its net section)"));
}

/// The whole validation of start, promote, notify, reload and validate-all.
DrbdSetup full_validation(const Context& ctx) {
  DrbdSetup setup = check_configuration(ctx);
  auto devices = configured_devices(setup, ctx);
  if (!devices) not_in_configuration(setup, ctx);
  setup.devices = std::move(*devices);
  if (ctx.action == "start" || ctx.action == "promote" || ctx.action == "validate-all") {
    check_two_primaries(setup, ctx);
  }
  return setup;
}

/// Pacemaker's promoted instance on another node (crm_resource --locate), if any.
std::optional<std::string> promoted_peer_known_to_pacemaker(const DrbdSetup& setup,
                                                            const Context& ctx) {
  const auto result = exec::run(exec::Command{.argv = {"crm_resource", "--resource",
                                                       ctx.env.resource_instance(), "--locate"}},
                                ctx.deadline);
  return promoted_peer_from_locate(result.out, setup.self);
}

/// DRBD sees a Primary peer that Pacemaker does not know about (single-primary only).
bool unexpected_primary(const DrbdSetup& setup, const DrbdAssessment& state, const Context& ctx) {
  return setup.clone.promoted_max == 1 && !state.primary && state.some_peer_primary &&
         !promoted_peer_known_to_pacemaker(setup, ctx);
}

void update_score(const DrbdSetup& setup, const DrbdResourceState& state, const Context& ctx) {
  const DrbdAssessment assessment = assess(state);
  const auto decision = decide_promotion_score(
      {.state = assessment,
       .levels = setup.levels,
       .peer_primary_policy =
           parse_peer_primary_policy(ctx.params.str("remove_master_score_if_peer_primary")),
       .primary_unknown_to_pacemaker = [&] { return unexpected_primary(setup, assessment, ctx); }});
  using Kind = PromotionScoreDecision::Kind;
  if (decision.kind == Kind::kKeep) return;
  ocf::log_debug(cat("promotion score ",
                     decision.kind == Kind::kSet ? std::to_string(decision.score) : "removed", ": ",
                     decision.reason, " (", describe(state), ")"));
  send_score(decision.kind == Kind::kSet ? std::optional<int>(decision.score) : std::nullopt, ctx);
  if (decision.unfence && ctx.params.boolean("unfence_if_all_uptodate")) {
    setup.tools.drbdadm({"unfence-peer", setup.tools.resource()}, ctx.deadline,
                        {{"OCF_RESKEY_unfence_extra_args", ctx.params.str("unfence_extra_args")}});
  }
}

/// stop_outdates_secondary: outdate this node's data while another node is still Primary.
void maybe_outdate(const DrbdSetup& setup, bool primary, const Context& ctx) {
  if (!ctx.params.boolean("stop_outdates_secondary")) return;
  const auto decision = decide_outdate(ctx.env, setup.self, primary);
  using Kind = OutdateDecision::Kind;
  if (decision.kind == Kind::kSplitBrain) {
    ocf::log(
        ocf::Severity::kCritical,
        cat("resource internal SPLIT BRAIN: both ", setup.self, " and ", decision.primary,
            " are Primary for ", setup.tools.resource(), ", but the replication link is down"));
  } else if (decision.kind == Kind::kOutdate) {
    ocf::log(ocf::Severity::kNotice, cat("outdating ", setup.tools.resource(), ": ",
                                         decision.primary, " is still Primary"));
    setup.tools.drbdadm({"outdate", setup.tools.resource()}, ctx.deadline);
    clear_score(ctx);
  }
}

/// drbdadm's --peer for DRBD 8.4 (DRBD 9's drbdadm no longer knows the option).
std::vector<std::string> peer_option(const DrbdSetup& setup, const Context& ctx) {
  if (setup.version.is_v9()) return {};
  if (auto peer = notified_peer(ctx.env, setup.self)) return {"--peer", *peer};
  return {};
}

void adjust_connection(const DrbdSetup& setup, const Context& ctx) {
  auto args = peer_option(setup, ctx);
  args.insert(args.end(), {"-v", "adjust", setup.tools.resource()});
  setup.tools.drbdadm(args, ctx.deadline);
}

/// Sleeps a retry pause, or fails the action when its deadline comes first.
void pause_before_retry(const Context& ctx, std::string_view doing,
                        const DrbdResourceState& state) {
  if (ctx.deadline.remaining() <= exec::Millis(kRetryPause)) {
    throw Error(ExitCode::kErrGeneric,
                cat("timed out ", doing, " DRBD resource: ", describe(state)));
  }
  exec::sleep_for(kRetryPause);
}

/// wfc_timeout: how long start waits for the connections; nullopt: do not wait.
std::optional<exec::Millis> connect_wait(const Context& ctx) {
  const std::string& text = ctx.params.str("wfc_timeout");
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::chrono::seconds(std::stoll(text));
}

bool all_connected(const DrbdResourceState& state) {
  return std::all_of(state.peers.begin(), state.peers.end(),
                     [](const auto& peer) { return peer.connection == "Connected"; });
}

/// Waits at most wfc_timeout (and never past the action's deadline) for every connection,
/// by polling the state: drbdsetup-84 wait-connect, which the anchor uses, was seen ignoring
/// its --wfc-timeout under drbd-utils 9.22 and running into the action's timeout.
void wait_for_connections(const DrbdSetup& setup, const Context& ctx) {
  const auto wait = connect_wait(ctx);
  if (!wait || wait->count() == 0) return;
  const exec::Deadline until = ctx.deadline.capped(*wait);
  while (!until.expired()) {
    if (all_connected(current_state(setup, ctx))) return;
    exec::sleep_for(std::chrono::milliseconds(200));
  }
  ocf::log_info(cat("not connected after wfc_timeout=", ctx.params.str("wfc_timeout"),
                    " s: running unconnected"));
}

void connect(const DrbdSetup& setup, const Context& ctx) {
  const std::string& resource = setup.tools.resource();
  if (setup.version.is_v9()) {
    // Connect to the Primary Pacemaker knows first, so that its data wins the race.
    if (auto primary = promoted_peer_known_to_pacemaker(setup, ctx)) {
      setup.tools.drbdadm({"adjust", resource + ":" + *primary}, ctx.deadline);
    }
    setup.tools.drbdadm({"adjust", resource}, ctx.deadline);
  } else {
    auto args = peer_option(setup, ctx);
    args.insert(args.end(), {"adjust", resource});
    setup.tools.drbdadm(args, ctx.deadline);
  }
  wait_for_connections(setup, ctx);
}

bool attach(const DrbdSetup& setup, const Context& ctx) {
  const std::string& resource = setup.tools.resource();
  if (setup.version.is_v9())
    return setup.tools.drbdadm({"adjust", "--skip-net", resource}, ctx.deadline).ok();
  return setup.tools.drbdadm({"attach", resource}, ctx.deadline).ok();
}

/// new-resource and new-minor, then the device nodes (udev makes them).
void create_devices(const DrbdSetup& setup, const Context& ctx) {
  const std::string& resource = setup.tools.resource();
  for (const char* step : {"new-resource", "new-minor"}) {
    const auto result = setup.tools.drbdadm({step, resource}, ctx.deadline);
    if (!result.ok()) {
      throw Error(ExitCode::kErrGeneric,
                  cat("drbdadm ", step, " ", resource, " failed: ", result.first_error_line()));
    }
  }
  for (const auto& device : setup.devices) {
    struct stat info {};
    while (::stat(device.c_str(), &info) != 0 || !S_ISBLK(info.st_mode)) {
      if (ctx.deadline.expired()) {
        throw Error(ExitCode::kErrGeneric, cat("device ", device, " did not appear in time"));
      }
      exec::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

void load_module(const DrbdSetup& setup, const Context& ctx) {
  std::vector<std::string> argv = {"modprobe", "-s", "drbd"};
  const auto parameters = setup.tools.drbdadm({"sh-mod-parms"}, ctx.deadline);
  for (const auto& word : split(parameters.out)) argv.push_back(word);
  const auto result = exec::run(exec::Command{.argv = argv}, ctx.deadline);
  if (!result.ok()) {
    throw Error(ExitCode::kErrInstalled,
                cat("cannot load the drbd module: ", result.first_error_line()));
  }
}

}  // namespace

DrbdAgent::DrbdAgent() = default;
DrbdAgent::~DrbdAgent() = default;

void DrbdAgent::validate(const Context& ctx) {
  validated_ = std::make_unique<DrbdSetup>(full_validation(ctx));
}

ExitCode DrbdAgent::start(const Context& ctx) {
  DrbdSetup& setup = *validated_;
  if (!setup.loaded) load_module(setup, ctx);
  const bool connect_later = ctx.params.boolean("connect_only_after_promote");
  bool first_try = true;
  bool attach_failed = false;
  for (;;) {
    const DrbdResourceState state = current_state(setup, ctx);
    if (!state.configured()) {
      // An offline resize may have to move internal meta-data first.
      if (first_try) setup.tools.drbdadm({"check-resize", setup.tools.resource()}, ctx.deadline);
      create_devices(setup, ctx);
      if (!attach(setup, ctx)) {
        if (!first_try) throw Error(ExitCode::kErrGeneric, "failed to attach the DRBD disk");
        attach_failed = true;
      }
    } else if (state.primary()) {
      ocf::log_warning(cat(setup.tools.resource(), " is already Primary: demoting"));
      setup.tools.drbdadm({"secondary", setup.tools.resource()}, ctx.deadline);
    } else {
      if (attach_failed && !attach(setup, ctx)) {
        throw Error(ExitCode::kErrGeneric, "failed to attach the DRBD disk");
      }
      if (!connect_later) connect(setup, ctx);
      break;
    }
    if (!first_try) pause_before_retry(ctx, "starting", state);
    first_try = false;
  }
  // Pacemaker may not run a monitor before it wants to promote: score now.
  update_score(setup, current_state(setup, ctx), ctx);
  return ExitCode::kSuccess;
}

ExitCode DrbdAgent::stop(const Context& ctx) {
  if (!loaded_drbd_version()) {  // nothing of DRBD can run without its module
    forget_minors(ctx.params.str("drbd_resource"));
    clear_score(ctx);
    return ExitCode::kSuccess;
  }
  std::optional<DrbdSetup> setup;
  try {
    setup.emplace(check_configuration(ctx));
    if (!configured_devices(*setup, ctx)) not_in_configuration(*setup, ctx);
  } catch (const Error& error) {
    // A failed stop gets this node fenced: a broken configuration must not.
    const std::string& resource = ctx.params.str("drbd_resource");
    ocf::log_error(cat("validation failed on stop (", error.what(), "): trying drbdsetup down ",
                       resource, " to avoid fencing"));
    const auto down =
        exec::run(exec::Command{.argv = {"drbdsetup", "down", resource}}, ctx.deadline);
    if (!down.ok()) throw;
    ocf::log_error("drbdsetup down succeeded, fencing avoided: FIX THE CONFIGURATION");
    forget_minors(resource);
    clear_score(ctx);
    return ExitCode::kSuccess;
  }
  bool first_try = true;
  bool was_primary = false;
  for (;;) {
    const DrbdResourceState state = current_state(*setup, ctx);
    if (!state.configured()) {
      // Deconfigured but maybe not yet removed: down anyway, and ignore how it ends.
      setup->tools.drbdadm({"down", setup->tools.resource()}, ctx.deadline);
      break;
    }
    if (state.primary()) {
      ocf::log_warning(cat(setup->tools.resource(), " is still Primary: demoting"));
      was_primary = true;
      setup->tools.drbdadm({"secondary", setup->tools.resource()}, ctx.deadline);
    } else {
      setup->tools.drbdadm({"down", setup->tools.resource()}, ctx.deadline);
    }
    if (!first_try) pause_before_retry(ctx, "stopping", state);
    first_try = false;
  }
  maybe_outdate(*setup, was_primary, ctx);
  forget_minors(setup->tools.resource());
  clear_score(ctx);  // a stale score would confuse Pacemaker after a standby
  return ExitCode::kSuccess;
}

ExitCode DrbdAgent::monitor(const Context& ctx) {
  if (!loaded_drbd_version()) return ExitCode::kNotRunning;
  DrbdSetup setup = check_configuration(ctx);
  const DrbdResourceState state = monitored_state(setup, ctx);
  if (!state.configured()) {
    // Not in the configuration is a probe's "not running" and a recurring monitor's error.
    if (!configured_devices(setup, ctx)) {
      if (ctx.env.is_probe()) return ExitCode::kNotRunning;
      not_in_configuration(setup, ctx);
    }
    if (ctx.env.is_probe()) return ExitCode::kNotRunning;
  }
  update_score(setup, state, ctx);
  if (!state.configured()) return ExitCode::kNotRunning;
  return state.primary() ? ExitCode::kRunningPromoted : ExitCode::kSuccess;
}

ExitCode DrbdAgent::promote(const Context& ctx) {
  const auto started = exec::Clock::now();
  const DrbdSetup setup = full_validation(ctx);
  // A failing promote takes at least kPromoteFailureFloor, as the anchor's.
  const auto fail = [&](const std::string& reason) -> ExitCode {
    const auto floor = started + kPromoteFailureFloor;
    std::this_thread::sleep_until(std::min(floor, ctx.deadline.when()));
    throw Error(ExitCode::kErrGeneric, reason);
  };
  const bool fail_early = ctx.params.boolean("fail_promote_early_if_peer_primary");
  bool first_try = true;
  for (;;) {
    const DrbdResourceState state = current_state(setup, ctx);
    if (!state.configured()) return fail("cannot promote a DRBD resource that is not started");
    if (state.primary()) {
      if (ctx.params.boolean("connect_only_after_promote")) adjust_connection(setup, ctx);
      return ExitCode::kSuccess;
    }
    if (!first_try && unexpected_primary(setup, assess(state), ctx)) {
      if (fail_early) {
        clear_score(ctx);
        return fail("a peer is already (or still) Primary, unknown to Pacemaker");
      }
      ocf::log_info("a peer is already (or still) Primary: promote may need several attempts");
    }
    const auto result = setup.tools.drbdadm({"primary", setup.tools.resource()}, ctx.deadline);
    if (result.exit_status == 17) {  // no access to UpToDate data, or fencing the peer failed
      return fail("refusing to become Primary without access to UpToDate data: " + describe(state));
    }
    if (!result.ok() && ctx.deadline.remaining() <= exec::Millis(kRetryPause)) {
      return fail("drbdadm primary failed: " + result.first_error_line());
    }
    if (!first_try) pause_before_retry(ctx, "promoting", state);
    first_try = false;
  }
}

ExitCode DrbdAgent::demote(const Context& ctx) {
  const DrbdSetup setup = full_validation(ctx);
  bool first_try = true;
  for (;;) {
    const DrbdResourceState state = current_state(setup, ctx);
    if (!state.configured()) {
      throw Error(ExitCode::kErrGeneric, "cannot demote a DRBD resource that is not started");
    }
    if (!state.primary()) return ExitCode::kSuccess;
    setup.tools.drbdadm({"secondary", setup.tools.resource()}, ctx.deadline);
    if (!first_try) pause_before_retry(ctx, "demoting", state);
    first_try = false;
  }
}

ExitCode DrbdAgent::notify(const Context& ctx) {
  const DrbdSetup setup = full_validation(ctx);
  const std::string type = ctx.env.notify_type();
  const std::string operation = ctx.env.notify_operation();
  // pre and post start: connect towards the peer being started (usually a no-op).
  if (operation == "start" && !ctx.params.boolean("connect_only_after_promote")) {
    adjust_connection(setup, ctx);
  }
  if (type == "post") {
    const DrbdResourceState state = current_state(setup, ctx);
    update_score(setup, state, ctx);
    if (assess(state).pdsk_any_unknown) maybe_outdate(setup, state.primary(), ctx);
  }
  return ExitCode::kSuccess;
}

ExitCode DrbdAgent::reload(const Context& ctx) {
  const DrbdSetup setup = full_validation(ctx);
  const DrbdResourceState state = current_state(setup, ctx);
  if (!state.configured())
    throw Error(ExitCode::kErrGeneric, "cannot reload: DRBD resource is not running");
  setup.tools.drbdadm({"adjust", setup.tools.resource()}, ctx.deadline);
  update_score(setup, current_state(setup, ctx),
               ctx);  // adjust_master_score may have changed
  return ExitCode::kSuccess;
}

}  // namespace hakit::storage
