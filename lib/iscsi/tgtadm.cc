#include "iscsi/tgtadm.h"

#include "iscsi/tgtd_socket.h"
#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {

using ocf::Error;
using ocf::ExitCode;

bool tgtd_unreachable(const exec::Result& result) {
  // "tgtadm: failed to send request hdr to tgt daemon, Transport endpoint is not
  // connected" (no socket), or "can't connect to the tgt daemon" (a stale one).
  return !result.ok() && result.err.find("tgt daemon") != std::string::npos;
}

exec::Result Tgtadm::attempt(const std::vector<std::string>& args,
                             const std::vector<std::string>& secrets) const {
  std::vector<std::string> argv = {"tgtadm"};
  if (control_port_ != 0) {
    argv.insert(argv.end(), {"-C", std::to_string(control_port_)});
  }
  argv.insert(argv.end(), {"--lld", "iscsi"});
  argv.insert(argv.end(), args.begin(), args.end());
  return exec::run({.argv = argv, .secrets = secrets}, deadline_);
}

std::string Tgtadm::daemon() const {
  return control_port_ == 0 ? "tgtd" : cat("tgtd (control port ", control_port_, ")");
}

void Tgtadm::run(const std::vector<std::string>& args, std::string_view what,
                 const std::vector<std::string>& secrets) const {
  const exec::Result result = attempt(args, secrets);
  if (result.ok()) return;
  if (tgtd_unreachable(result)) {
    throw Error(ExitCode::kErrGeneric, cat(what, " failed: ", daemon(), " is not running"));
  }
  const std::string message = result.first_error_line();
  throw Error(ExitCode::kErrGeneric,
              cat(what, " failed: ", message.empty() ? result.describe() : message));
}

std::optional<std::vector<TgtTarget>> Tgtadm::targets() const {
  const TgtdAnswer answer = show_targets_over_socket(control_port_, deadline_);
  if (answer.outcome == TgtdAnswer::Outcome::kAnswered) return parse_tgt_show(answer.text);
  if (answer.outcome == TgtdAnswer::Outcome::kNotRunning) return std::nullopt;
  // A tgtadm started now would wait on the same daemon with no time left, and one that
  // exits 0 without a listing must not be read as "no targets".
  if (answer.outcome == TgtdAnswer::Outcome::kNoAnswer) {
    throw Error(ExitCode::kErrGeneric, cat(daemon(), " did not list its targets in time"));
  }
  const exec::Result result = attempt({"--mode", "target", "--op", "show"});
  if (tgtd_unreachable(result)) return std::nullopt;
  if (result.exit_status == 127) {
    throw Error(ExitCode::kErrInstalled, "tgtadm is not installed (package tgt)");
  }
  if (!result.ok()) {
    throw Error(ExitCode::kErrGeneric,
                cat("cannot list the targets of ", daemon(), ": ", result.first_error_line()));
  }
  return parse_tgt_show(result.out);
}

std::vector<TgtTarget> Tgtadm::running_targets() const {
  auto found = targets();
  if (!found) {
    throw Error(ExitCode::kErrGeneric,
                cat(daemon(), " is not running: start it first (systemctl start tgt, or an ",
                    "lsb:tgt resource ordered before this one)"));
  }
  return std::move(*found);
}

}  // namespace hakit::iscsi
