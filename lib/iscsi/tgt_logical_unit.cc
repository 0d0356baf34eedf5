#include "iscsi/tgt_logical_unit.h"

#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr exec::Millis kBusyRetry{500};

}  // namespace

TgtLogicalUnitDriver::TgtLogicalUnitDriver(const LogicalUnitConfig& config,
                                           const exec::Deadline& deadline)
    : config_(config), deadline_(deadline), tgtadm_(config.tgt_control_port, deadline) {}

LogicalUnitStatus TgtLogicalUnitDriver::status() {
  const auto targets = tgtadm_.targets();
  if (!targets) return {};
  const TgtTarget* target = find_tgt_target(*targets, config_.target_iqn);
  const TgtLogicalUnit* unit = target ? target->logical_unit(config_.lun) : nullptr;
  if (unit == nullptr) return {};
  if (unit->backing_store_path == config_.path) return {LogicalUnitStatus::State::kRunning, ""};
  return {LogicalUnitStatus::State::kTaken,
          cat("LUN ", config_.lun, " of target ", config_.target_iqn, " is backed by ",
              unit->backing_store_path, ", not ", config_.path)};
}

int TgtLogicalUnitDriver::target_tid() const {
  const std::vector<TgtTarget> targets = tgtadm_.running_targets();
  const TgtTarget* target = find_tgt_target(targets, config_.target_iqn);
  if (target == nullptr) {
    throw Error(ExitCode::kErrGeneric,
                cat("target ", config_.target_iqn, " does not exist in ", tgtadm_.daemon(),
                    ": start its iSCSITarget resource first (same group, before this one)"));
  }
  return target->tid;
}

void TgtLogicalUnitDriver::start() {
  const std::string tid = std::to_string(target_tid());
  const std::string lun = std::to_string(config_.lun);
  std::vector<std::string> args = {"--mode", "logicalunit", "--op",  "new",
                                   "--tid",  tid,           "--lun", lun};
  // tgtd opens aio stores with O_DIRECT anyway and rejects an explicit "direct" for them.
  const bool redundant_direct = config_.tgt_bstype == "aio" && config_.tgt_bsoflags == "direct";
  for (const auto& [option, value] :
       {std::pair{"--bstype", config_.tgt_bstype},
        std::pair{"--bsoflags", redundant_direct ? std::string() : config_.tgt_bsoflags},
        std::pair{"--bsopts", config_.tgt_bsopts},
        std::pair{"--device-type", config_.tgt_device_type}}) {
    if (!value.empty()) args.insert(args.end(), {option, value});
  }
  args.insert(args.end(), {"--backing-store", config_.path});
  const std::string what =
      cat("adding LUN ", lun, " (", config_.path, ") to target ", config_.target_iqn);
  tgtadm_.run(args, what);
  std::vector<std::string> params;
  for (const auto& [name, value] :
       {std::pair{"scsi_id", &config_.scsi_id}, std::pair{"scsi_sn", &config_.scsi_sn},
        std::pair{"vendor_id", &config_.vendor_id}, std::pair{"product_id", &config_.product_id}}) {
    if (!value->empty()) params.push_back(cat(name, "=", *value));
  }
  for (const NameValue& extra : config_.additional_parameters) {
    params.push_back(cat(extra.name, "=", extra.value));
  }
  if (!params.empty()) {
    tgtadm_.run({"--mode", "logicalunit", "--op", "update", "--tid", tid, "--lun", lun, "--params",
                 join(params, ",")},
                cat("setting the SCSI identity of LUN ", lun, " of target ", config_.target_iqn));
  }
  ocf::log_info(cat("added LUN ", lun, " (", config_.path, ") to target ", config_.target_iqn));
}

void TgtLogicalUnitDriver::stop() {
  const auto targets = tgtadm_.targets();
  const TgtTarget* target = targets ? find_tgt_target(*targets, config_.target_iqn) : nullptr;
  if (target == nullptr || target->logical_unit(config_.lun) == nullptr) return;
  const std::vector<std::string> args = {"--mode", "logicalunit",
                                         "--op",   "delete",
                                         "--tid",  std::to_string(target->tid),
                                         "--lun",  std::to_string(config_.lun)};
  // tgtd refuses while a command is in flight on the LUN, and cannot close just the
  // sessions using it: retry until it lets go or the deadline comes.
  for (;;) {
    const exec::Result result = tgtadm_.attempt(args);
    if (result.ok()) break;
    if (deadline_.remaining() <= kBusyRetry) {
      throw Error(ExitCode::kErrGeneric,
                  cat("deleting LUN ", config_.lun, " of target ", config_.target_iqn,
                      " failed: ", result.first_error_line()));
    }
    ocf::log_warning(
        cat("deleting LUN ", config_.lun, " failed (", result.first_error_line(), "), retrying"));
    exec::sleep_for(kBusyRetry);
  }
  ocf::log_info(cat("deleted LUN ", config_.lun, " of target ", config_.target_iqn));
}

}  // namespace hakit::iscsi
