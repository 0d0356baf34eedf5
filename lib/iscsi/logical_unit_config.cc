#include "iscsi/logical_unit_config.h"

#include <sys/stat.h>

#include "iscsi/checked_integer.h"
#include "iscsi/iscsi_name.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/md5.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr int kMaxLun = 65535;
constexpr int kMaxPort = 65535;
constexpr size_t kDefaultScsiIdLength = 16;
constexpr size_t kDefaultScsiSnLength = 8;

bool is_regular_file(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

LioBackstore lio_backstore(const ocf::Parameters& params, const std::string& path) {
  if (!params.is_set("liot_bstype")) {
    return is_regular_file(path) ? LioBackstore::kFileio : LioBackstore::kBlock;
  }
  const std::string& type = params.str("liot_bstype");
  if (type == "block") return LioBackstore::kBlock;
  if (type == "fileio") return LioBackstore::kFileio;
  if (type == "pscsi") return LioBackstore::kPscsi;
  throw Error(ExitCode::kErrConfigured,
              cat("liot_bstype \"", type, "\" is not one of block, fileio, pscsi"));
}

/// Values tgtadm and ietadm take in comma-separated lists, and targetcli on a command line.
void require_plain_value(const std::string& value, std::string_view parameter) {
  if (value.find_first_of(" \t\n,=") != std::string::npos) {
    throw Error(ExitCode::kErrConfigured,
                cat(parameter, " \"", value, "\" must not contain blanks, ',' or '='"));
  }
}

}  // namespace

LogicalUnitConfig read_logical_unit_config(const ocf::Parameters& params,
                                           const ocf::Environment& env) {
  LogicalUnitConfig config;
  config.implementation = choose_implementation(params);
  config.target_iqn = params.str("target_iqn");
  require_iscsi_name(config.target_iqn, "target_iqn");
  // tgt keeps LUN 0 for its controller.
  const int min_lun = config.implementation == Implementation::kTgt ? 1 : 0;
  config.lun = integer_in_range(params, "lun", min_lun, kMaxLun).value_or(0);
  config.path = params.str("path");
  if (!config.path.starts_with('/') && params.str("tgt_bstype") != "rbd") {
    throw Error(ExitCode::kErrConfigured,
                cat("path \"", config.path, "\" must be absolute (a block device or a file)"));
  }
  const std::string instance = env.resource_instance();
  config.scsi_id =
      params.is_set("scsi_id") ? params.str("scsi_id") : instance.substr(0, kDefaultScsiIdLength);
  config.scsi_sn = params.is_set("scsi_sn") ? params.str("scsi_sn")
                                            : md5_hex(instance).substr(0, kDefaultScsiSnLength);
  config.vendor_id = params.str("vendor_id");
  config.product_id = params.str("product_id");
  for (const auto& [value, name] :
       {std::pair{&config.scsi_id, "scsi_id"}, std::pair{&config.scsi_sn, "scsi_sn"},
        std::pair{&config.vendor_id, "vendor_id"}, std::pair{&config.product_id, "product_id"}}) {
    require_plain_value(*value, name);
  }
  config.emulate_tpu = integer_in_range(params, "emulate_tpu", 0, 1);
  config.emulate_3pc = integer_in_range(params, "emulate_3pc", 0, 1);
  config.emulate_caw = integer_in_range(params, "emulate_caw", 0, 1);
  config.tgt_bstype = params.str("tgt_bstype");
  config.tgt_bsoflags = params.str("tgt_bsoflags");
  config.tgt_bsopts = params.str("tgt_bsopts");
  config.tgt_device_type = params.str("tgt_device_type");
  config.additional_parameters =
      parse_name_values(params.str("additional_parameters"), "additional_parameters");
  config.allowed_initiators = split(params.str("allowed_initiators"));
  config.lio_iblock = integer_in_range(params, "lio_iblock", 0, kMaxLun).value_or(0);
  config.lio_backstore = lio_backstore(params, config.path);
  config.backstore_name = instance;
  for (char& c : config.backstore_name) {
    if (c == ':' || c == '/' || c == ' ') c = '_';  // a clone instance is "lu:0"
  }
  config.tgt_control_port = integer_in_range(params, "tgt_control_port", 0, kMaxPort).value_or(0);
  return config;
}

bool backed_by_local_path(const LogicalUnitConfig& config) {
  return !(config.implementation == Implementation::kTgt && config.tgt_bstype == "rbd");
}

void require_backing_store(const LogicalUnitConfig& config) {
  struct stat info {};
  if (backed_by_local_path(config) && ::stat(config.path.c_str(), &info) != 0) {
    throw Error(ExitCode::kErrInstalled,
                cat("backing store ", config.path, " does not exist on this node"));
  }
}

std::string_view lio_backstore_name(LioBackstore backstore) {
  switch (backstore) {
    case LioBackstore::kBlock:
      return "block";
    case LioBackstore::kFileio:
      return "fileio";
    case LioBackstore::kPscsi:
      return "pscsi";
  }
  return "?";
}

void warn_about_ignored_parameters(const LogicalUnitConfig& config, const ocf::Parameters& params) {
  std::vector<std::string_view> unsupported;
  switch (config.implementation) {
    case Implementation::kIet:
      unsupported = {"vendor_id",   "product_id",   "allowed_initiators", "lio_iblock",
                     "tgt_bstype",  "tgt_bsoflags", "tgt_bsopts",         "tgt_device_type",
                     "emulate_tpu", "emulate_3pc",  "emulate_caw",        "liot_bstype"};
      break;
    case Implementation::kTgt:
      unsupported = {"allowed_initiators", "lio_iblock",  "emulate_tpu",
                     "emulate_3pc",        "emulate_caw", "liot_bstype"};
      break;
    case Implementation::kLio:
      unsupported = {"scsi_id",      "vendor_id",   "product_id",      "tgt_bstype",
                     "tgt_bsoflags", "tgt_bsopts",  "tgt_device_type", "emulate_tpu",
                     "emulate_3pc",  "emulate_caw", "liot_bstype"};
      break;
    case Implementation::kLioT:
      unsupported = {"scsi_id",    "vendor_id",       "tgt_bstype", "tgt_bsoflags",
                     "tgt_bsopts", "tgt_device_type", "lio_iblock"};
      break;
  }
  for (const std::string_view name : unsupported) {
    if (params.is_set(name)) {
      ocf::log_warning(cat("parameter ", name, " is not supported by the ",
                           implementation_name(config.implementation),
                           " implementation and is ignored"));
    }
  }
}

}  // namespace hakit::iscsi
