#include "iscsi/lio_logical_unit.h"

#include <fstream>

#include "iscsi/targetcli.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

using ocf::Error;
using ocf::ExitCode;

std::string backstore_path(const LogicalUnitConfig& config) {
  return cat("/backstores/", lio_backstore_name(config.lio_backstore), "/", config.backstore_name);
}

/// "block" for core/iblock_0/x, "fileio" for core/fileio_1/x, ...: targetcli's type.
std::string targetcli_type(const std::string& storage_object) {
  const std::string hba = split(storage_object, "/").at(1);
  const std::string kind = hba.substr(0, hba.rfind('_'));
  return kind == "iblock" ? "block" : kind;
}

}  // namespace

std::vector<std::string> lio_logical_unit_commands(const LogicalUnitConfig& config,
                                                   const LioConfigfs& now, bool reuse_backstore) {
  const std::string type(lio_backstore_name(config.lio_backstore));
  const std::string tpg = cat("/iscsi/", config.target_iqn, "/tpg1");
  std::vector<std::string> commands;
  if (!reuse_backstore) {
    const char* device = config.lio_backstore == LioBackstore::kFileio ? "file_or_dev" : "dev";
    std::string create = cat("/backstores/", type, " create name=", config.backstore_name, " ",
                             device, "=", config.path);
    // pscsi passes the device's own serial through.
    if (config.lio_backstore != LioBackstore::kPscsi) create += cat(" wwn=", config.scsi_sn);
    commands.push_back(create);
  }
  std::string attributes;
  for (const auto& [name, value] :
       {std::pair{"emulate_tpu", config.emulate_tpu}, std::pair{"emulate_3pc", config.emulate_3pc},
        std::pair{"emulate_caw", config.emulate_caw}}) {
    if (value) attributes += cat(" ", name, "=", *value);
  }
  if (!attributes.empty())
    commands.push_back(backstore_path(config) + " set attribute" + attributes);
  commands.push_back(cat(tpg, "/luns create ", backstore_path(config), " ", config.lun));
  for (const std::string& initiator : config.allowed_initiators) {
    if (std::ifstream(now.path_of(
            cat("iscsi/", to_lower(config.target_iqn), "/tpgt_1/acls/", initiator, "/info")))) {
      continue;  // an existing ACL got the new LUN mapped by targetcli
    }
    commands.push_back(cat(tpg, "/acls create ", initiator, " add_mapped_luns=false"));
    commands.push_back(cat(tpg, "/acls/", initiator, " create mapped_lun=", config.lun,
                           " tpg_lun_or_backstore=", config.lun));
  }
  commands.push_back(cat("ls ", tpg, "/luns"));
  return commands;
}

LioLogicalUnitDriver::LioLogicalUnitDriver(const LogicalUnitConfig& config,
                                           const exec::Deadline& deadline, LioConfigfs configfs)
    : config_(config), deadline_(deadline), configfs_(std::move(configfs)) {}

LogicalUnitStatus LioLogicalUnitDriver::status() {
  const auto lun = configfs_.lun(config_.target_iqn, config_.lun);
  if (!lun) return {};
  if (lun->path == config_.path) return {LogicalUnitStatus::State::kRunning, ""};
  return {LogicalUnitStatus::State::kTaken,
          cat("LUN ", config_.lun, " of target ", config_.target_iqn, " is backed by ", lun->path,
              " (", lun->storage_object, "), not ", config_.path)};
}

void LioLogicalUnitDriver::start() {
  if (!configfs_.target_enabled(config_.target_iqn)) {
    throw Error(ExitCode::kErrGeneric,
                cat("target ", config_.target_iqn, " does not exist in LIO: start its ",
                    "iSCSITarget resource first (same group, before this one)"));
  }
  // A backstore of ours left by an earlier failure is reused if it has our path, else
  // replaced.
  std::vector<std::string> cleanup;
  bool reuse = false;
  if (const auto existing = configfs_.storage_object(config_.backstore_name)) {
    std::string path;
    read_file(configfs_.path_of(*existing + "/udev_path"), path);
    reuse = trim(path) == config_.path &&
            targetcli_type(*existing) == lio_backstore_name(config_.lio_backstore);
    if (!reuse) {
      cleanup.push_back(
          cat("/backstores/", targetcli_type(*existing), " delete ", config_.backstore_name));
    }
  }
  std::vector<std::string> commands = lio_logical_unit_commands(config_, configfs_, reuse);
  commands.insert(commands.begin(), cleanup.begin(), cleanup.end());
  const std::string what =
      cat("adding LUN ", config_.lun, " (", config_.path, ") to target ", config_.target_iqn);
  const std::string listing = run_targetcli(commands, what, deadline_);
  bool listed = false;
  for (const TargetcliLun& lun : parse_targetcli_luns(listing)) {
    listed = listed || (lun.lun == config_.lun && lun.backstore_name == config_.backstore_name &&
                        lun.path == config_.path);
  }
  if (!listed) {
    throw Error(ExitCode::kErrGeneric,
                cat(what, ": targetcli does not list it as LUN ", config_.lun, " afterwards"));
  }
  if (!config_.product_id.empty()) {
    if (const auto object = configfs_.storage_object(config_.backstore_name)) {
      std::ofstream(configfs_.path_of(*object + "/wwn/product_id")) << config_.product_id << "\n";
    }
  }
  ocf::log_info(
      cat("added LUN ", config_.lun, " (", config_.path, ") to target ", config_.target_iqn));
}

void LioLogicalUnitDriver::stop() {
  std::vector<std::string> commands = {
      cat("/iscsi/", config_.target_iqn, "/tpg1/luns delete lun", config_.lun)};
  if (const auto object = configfs_.storage_object(config_.backstore_name)) {
    commands.push_back(
        cat("/backstores/", targetcli_type(*object), " delete ", config_.backstore_name));
  }
  run_targetcli(commands, cat("deleting LUN ", config_.lun, " of target ", config_.target_iqn),
                deadline_);
  ocf::log_info(cat("deleted LUN ", config_.lun, " of target ", config_.target_iqn));
}

}  // namespace hakit::iscsi
