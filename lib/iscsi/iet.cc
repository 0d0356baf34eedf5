#include "iscsi/iet.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <thread>

#include "exec/command.h"
#include "iscsi/node_lock.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr exec::Millis kBusyRetry{1000};

std::vector<IetTarget> read_proc(const std::string& file) {
  std::string text;
  if (!read_file(file, text)) {
    throw Error(ExitCode::kErrInstalled,
                cat("cannot read ", file, ": is the IET kernel module (iscsi_trgt) loaded?"));
  }
  return parse_iet_proc(text);
}

exec::Result ietadm(const std::vector<std::string>& args, const exec::Deadline& deadline,
                    const std::vector<std::string>& secrets = {}) {
  std::vector<std::string> argv = {"ietadm"};
  argv.insert(argv.end(), args.begin(), args.end());
  return exec::run({.argv = argv, .secrets = secrets}, deadline);
}

void run_ietadm(const std::vector<std::string>& args, std::string_view what,
                const exec::Deadline& deadline, const std::vector<std::string>& secrets = {}) {
  const exec::Result result = ietadm(args, deadline, secrets);
  if (!result.ok()) {
    throw Error(ExitCode::kErrGeneric, cat(what, " failed: ", result.first_error_line()));
  }
}

/// IET 1.4.20 reads /etc/iet/initiators.*, older versions /etc/initiators.*.
std::string initiators_file(std::string_view kind) {
  struct stat info {};
  return ::stat("/etc/iet", &info) == 0 ? cat("/etc/iet/initiators.", kind)
                                        : cat("/etc/initiators.", kind);
}

void set_initiator_line(std::string_view kind, const std::string& iqn, const std::string& line) {
  const std::string path = initiators_file(kind);
  std::string contents;
  read_file(path, contents);
  const std::string updated = with_initiator_line(contents, iqn, line);
  if (updated == contents) return;
  const std::string temporary = path + ".hakit";
  std::ofstream(temporary, std::ios::trunc) << updated;
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    throw Error(ExitCode::kErrGeneric, cat("cannot update ", path));
  }
}

}  // namespace

std::vector<std::vector<std::string>> iet_target_commands(const TargetConfig& config, int tid) {
  const std::string tid_option = cat("--tid=", tid);
  std::vector<std::vector<std::string>> commands = {
      {"--op", "new", tid_option, "--params", "Name=" + config.iqn}};
  for (const NameValue& parameter : config.additional_parameters) {
    commands.push_back(
        {"--op", "update", tid_option, "--params", cat(parameter.name, "=", parameter.value)});
  }
  if (!config.incoming_username.empty()) {
    commands.push_back({"--op", "new", tid_option, "--user",
                        cat("--params=IncomingUser=", config.incoming_username,
                            ",Password=", config.incoming_password)});
  }
  return commands;
}

std::vector<std::string> iet_logical_unit_command(const LogicalUnitConfig& config, int tid,
                                                  bool block_device) {
  std::vector<std::string> params = {"Path=" + config.path,
                                     block_device ? "Type=blockio" : "Type=fileio"};
  if (!config.scsi_id.empty()) params.push_back("ScsiId=" + config.scsi_id);
  if (!config.scsi_sn.empty()) params.push_back("ScsiSN=" + config.scsi_sn);
  for (const NameValue& extra : config.additional_parameters) {
    params.push_back(cat(extra.name, "=", extra.value));
  }
  return {"--op",           "new", cat("--tid=", tid), cat("--lun=", config.lun), "--params",
          join(params, ",")};
}

std::string with_initiator_line(const std::string& contents, const std::string& iqn,
                                const std::string& line) {
  std::string result;
  for (const std::string& existing : split(contents, "\n")) {
    const auto words = split(existing);
    if (!words.empty() && words[0] == iqn) continue;
    result += existing + "\n";
  }
  if (!line.empty()) result += line + "\n";
  return result;
}

IetTargetDriver::IetTargetDriver(const TargetConfig& config, const exec::Deadline& deadline,
                                 std::string proc_dir)
    : config_(config), deadline_(deadline), proc_dir_(std::move(proc_dir)) {}

bool IetTargetDriver::running() {
  std::string text;
  return read_file(proc_dir_ + "/volume", text) &&
         find_iet_target(parse_iet_proc(text), config_.iqn) != nullptr;
}

void IetTargetDriver::start() {
  const NodeLock lock("iSCSITarget-iet", deadline_);  // choosing a tid, and the allow file
  const auto targets = read_proc(proc_dir_ + "/volume");
  int tid = 1;
  for (const IetTarget& target : targets) tid = std::max(tid, target.tid + 1);
  if (config_.tid) {
    for (const IetTarget& target : targets) {
      if (target.tid == *config_.tid) {
        throw Error(ExitCode::kErrGeneric,
                    cat("tid ", *config_.tid, " is already used by target ", target.name));
      }
    }
    tid = *config_.tid;
  }
  for (const auto& args : iet_target_commands(config_, tid)) {
    run_ietadm(args, cat("configuring target ", config_.iqn), deadline_,
               {config_.incoming_password});
  }
  // Older IET allows every initiator unless denied, newer ones deny: manage both files.
  if (config_.allowed_initiators.empty()) {
    set_initiator_line("allow", config_.iqn, config_.iqn + " ALL");
  } else {
    set_initiator_line("deny", config_.iqn, config_.iqn + " ALL");
    set_initiator_line("allow", config_.iqn,
                       cat(config_.iqn, " ", join(config_.allowed_initiators, ",")));
  }
  ocf::log_info(cat("created target ", config_.iqn, " with tid ", tid));
}

void IetTargetDriver::stop() {
  const IetTarget* target = nullptr;
  const auto targets = read_proc(proc_dir_ + "/volume");
  target = find_iet_target(targets, config_.iqn);
  if (target == nullptr) return;
  const std::string tid = cat("--tid=", target->tid);
  const auto sessions = read_proc(proc_dir_ + "/session");
  if (const IetTarget* with_sessions = find_iet_target(sessions, config_.iqn)) {
    for (const IetConnection& connection : with_sessions->connections) {
      ietadm(
          {"--op", "delete", tid, "--sid=" + connection.session, "--cid=" + connection.connection},
          deadline_);
    }
  }
  if (!config_.incoming_username.empty()) {
    ietadm({"--op", "delete", tid, "--user", "--params=IncomingUser=" + config_.incoming_username},
           deadline_);
  }
  for (;;) {
    const exec::Result result = ietadm({"--op", "delete", tid}, deadline_);
    if (result.ok()) break;
    if (deadline_.remaining() <= kBusyRetry) {
      throw Error(ExitCode::kErrGeneric,
                  cat("deleting target ", config_.iqn, " failed: ", result.first_error_line()));
    }
    std::this_thread::sleep_for(kBusyRetry);
  }
  const NodeLock lock("iSCSITarget-iet", deadline_);
  set_initiator_line("allow", config_.iqn, "");
  set_initiator_line("deny", config_.iqn, "");
  ocf::log_info(cat("deleted target ", config_.iqn));
}

IetLogicalUnitDriver::IetLogicalUnitDriver(const LogicalUnitConfig& config,
                                           const exec::Deadline& deadline, std::string proc_dir)
    : config_(config), deadline_(deadline), proc_dir_(std::move(proc_dir)) {}

LogicalUnitStatus IetLogicalUnitDriver::status() {
  std::string text;
  if (!read_file(proc_dir_ + "/volume", text)) return {};
  const auto targets = parse_iet_proc(text);
  const IetTarget* target = find_iet_target(targets, config_.target_iqn);
  if (target == nullptr) return {};
  for (const IetLun& lun : target->luns) {
    if (lun.lun != config_.lun) continue;
    if (lun.path == config_.path) return {LogicalUnitStatus::State::kRunning, ""};
    return {LogicalUnitStatus::State::kTaken,
            cat("LUN ", config_.lun, " of target ", config_.target_iqn, " is backed by ", lun.path,
                ", not ", config_.path)};
  }
  return {};
}

void IetLogicalUnitDriver::start() {
  const auto targets = read_proc(proc_dir_ + "/volume");
  const IetTarget* target = find_iet_target(targets, config_.target_iqn);
  if (target == nullptr) {
    throw Error(ExitCode::kErrGeneric,
                cat("target ", config_.target_iqn, " does not exist in IET: start its ",
                    "iSCSITarget resource first (same group, before this one)"));
  }
  struct stat info {};
  const bool block = ::stat(config_.path.c_str(), &info) == 0 && S_ISBLK(info.st_mode);
  run_ietadm(iet_logical_unit_command(config_, target->tid, block),
             cat("adding LUN ", config_.lun, " to target ", config_.target_iqn), deadline_);
}

void IetLogicalUnitDriver::stop() {
  const auto targets = read_proc(proc_dir_ + "/volume");
  const IetTarget* target = find_iet_target(targets, config_.target_iqn);
  if (target == nullptr) return;
  run_ietadm({"--op", "delete", cat("--tid=", target->tid), cat("--lun=", config_.lun)},
             cat("deleting LUN ", config_.lun, " of target ", config_.target_iqn), deadline_);
}

}  // namespace hakit::iscsi
