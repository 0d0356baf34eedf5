#include "iscsi/tgt_target.h"

#include <algorithm>
#include <optional>

#include "iscsi/iscsi_name.h"
#include "iscsi/node_lock.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

using ocf::Error;
using ocf::ExitCode;

std::vector<std::string> target_args(std::string_view op, int tid) {
  return {"--mode", "target", "--op", std::string(op), "--tid", std::to_string(tid)};
}

std::vector<std::string> with(std::vector<std::string> args,
                              std::initializer_list<std::string> more) {
  args.insert(args.end(), more);
  return args;
}

}  // namespace

TgtTargetDriver::TgtTargetDriver(const TargetConfig& config, const exec::Deadline& deadline)
    : config_(config), deadline_(deadline), tgtadm_(config.tgt_control_port, deadline) {}

bool TgtTargetDriver::running() {
  const auto targets = tgtadm_.targets();
  return targets && find_tgt_target(*targets, config_.iqn) != nullptr;
}

int TgtTargetDriver::choose_tid(const std::vector<TgtTarget>& targets) const {
  if (config_.tid) {
    if (const TgtTarget* other = find_tgt_target(targets, *config_.tid)) {
      throw Error(ExitCode::kErrGeneric,
                  cat("tid ", *config_.tid, " is already used by target ", other->name, " in ",
                      tgtadm_.daemon(), ": give this target another tid"));
    }
    return *config_.tid;
  }
  int highest = 0;
  for (const TgtTarget& target : targets) highest = std::max(highest, target.tid);
  return highest + 1;
}

void TgtTargetDriver::start() {
  // Two targets without a tid starting at once must not pick the same one.
  std::optional<NodeLock> lock;
  if (!config_.tid) lock.emplace("iSCSITarget-tgt", deadline_);
  const int tid = choose_tid(tgtadm_.running_targets());
  const std::string what = cat("creating target ", config_.iqn, " (tid ", tid, ")");
  tgtadm_.run(with(target_args("new", tid), {"--targetname", config_.iqn}), what);
  ocf::log_info(cat("created target ", config_.iqn, " with tid ", tid));
  for (const NameValue& parameter : config_.additional_parameters) {
    tgtadm_.run(
        with(target_args("update", tid), {"--name", parameter.name, "--value", parameter.value}),
        cat("setting ", parameter.name, " on target ", config_.iqn));
  }
  // tgtd refuses every login to a target without an ACL entry; no allowed_initiators
  // means everyone (the documented default, which the shell agent fails to apply).
  const std::vector<std::string> initiators = config_.allowed_initiators.empty()
                                                  ? std::vector<std::string>{"ALL"}
                                                  : config_.allowed_initiators;
  for (const std::string& initiator : initiators) {
    const char* option =
        looks_like_iscsi_name(initiator) ? "--initiator-name" : "--initiator-address";
    tgtadm_.run(with(target_args("bind", tid), {option, initiator}),
                cat("allowing ", initiator, " on target ", config_.iqn));
  }
  if (!config_.incoming_username.empty()) {
    const std::string& user = config_.incoming_username;
    // tgtadm takes the password in argv only (no stdin, file or environment): it is
    // visible in /proc for the few milliseconds tgtadm runs, and kept out of every log.
    const exec::Result created = tgtadm_.attempt({"--mode", "account", "--op", "new", "--user",
                                                  user, "--password", config_.incoming_password},
                                                 {config_.incoming_password});
    if (!created.ok() && created.err.find("already exists") == std::string::npos) {
      throw Error(ExitCode::kErrGeneric,
                  cat("creating CHAP account ", user, " failed: ", created.first_error_line()));
    }
    if (!created.ok()) ocf::log_warning(cat("CHAP account ", user, " exists already: reused"));
    tgtadm_.run({"--mode", "account", "--op", "bind", "--tid", std::to_string(tid), "--user", user},
                cat("binding CHAP account ", user, " to target ", config_.iqn));
  }
}

void TgtTargetDriver::stop() {
  const auto targets = tgtadm_.targets();
  if (!targets) return;  // no tgtd, no target
  const TgtTarget* target = find_tgt_target(*targets, config_.iqn);
  if (target == nullptr) return;
  const std::string tid = std::to_string(target->tid);
  // Log the initiators out first, so that they see the target go rather than hang.
  for (const TgtConnection& connection : target->connections) {
    const exec::Result closed = tgtadm_.attempt({"--mode", "connection", "--op", "delete", "--tid",
                                                 tid, "--sid", std::to_string(connection.session),
                                                 "--cid", std::to_string(connection.connection)});
    if (!closed.ok()) {
      ocf::log_warning(cat("closing the connection of ", connection.initiator,
                           " failed: ", closed.first_error_line()));
    }
  }
  if (!config_.incoming_username.empty()) {
    const std::string& user = config_.incoming_username;
    tgtadm_.attempt({"--mode", "account", "--op", "unbind", "--tid", tid, "--user", user});
    tgtadm_.attempt({"--mode", "account", "--op", "delete", "--user", user});
  }
  tgtadm_.run({"--mode", "target", "--op", "delete", "--force", "--tid", tid},
              cat("deleting target ", config_.iqn, " (tid ", tid, ")"));
  ocf::log_info(cat("deleted target ", config_.iqn, " (tid ", tid, ")"));
}

}  // namespace hakit::iscsi
