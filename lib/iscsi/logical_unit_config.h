// The iSCSILogicalUnit resource's parameters, read and checked (see
// metadata/iSCSILogicalUnit.xml).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iscsi/implementation.h"
#include "iscsi/word_lists.h"
#include "ocf/environment.h"
#include "ocf/parameters.h"

namespace hakit::iscsi {

/// LIO backstore kinds (liot_bstype).
enum class LioBackstore { kBlock, kFileio, kPscsi };

struct LogicalUnitConfig {
  Implementation implementation = Implementation::kTgt;
  std::string target_iqn;
  int lun = 0;
  std::string path;  ///< the block device or file exported
  std::string scsi_id;
  std::string scsi_sn;
  std::string vendor_id;
  std::string product_id;
  std::optional<int> emulate_tpu;
  std::optional<int> emulate_3pc;
  std::optional<int> emulate_caw;
  std::string tgt_bstype;
  std::string tgt_bsoflags;
  std::string tgt_bsopts;
  std::string tgt_device_type;
  std::vector<NameValue> additional_parameters;
  std::vector<std::string> allowed_initiators;
  int lio_iblock = 0;
  /// liot_bstype, or when not set: fileio for a regular file, block otherwise.
  LioBackstore lio_backstore = LioBackstore::kBlock;
  std::string backstore_name;  ///< the LIO storage object's name: the resource's
  int tgt_control_port = 0;
};

/// Reads the parameters and checks their syntax; scsi_id and scsi_sn default as the shell
/// agent's do (the resource name cut to 16 bytes, the first 8 hex digits of its MD5), so a
/// LUN keeps its identity when the agent is swapped. Throws Error(kErrConfigured).
LogicalUnitConfig read_logical_unit_config(const ocf::Parameters& params,
                                           const ocf::Environment& env);

/// Whether the backing store is a path on this node (not, say, a Ceph image for tgt's rbd).
bool backed_by_local_path(const LogicalUnitConfig& config);

/// Throws Error(kErrInstalled) naming the path when a local backing store does not exist
/// here (it may be on storage that only the active node has, so it is not kErrConfigured).
void require_backing_store(const LogicalUnitConfig& config);

std::string_view lio_backstore_name(LioBackstore backstore);

/// Logs a warning for each parameter that `config.implementation` ignores.
void warn_about_ignored_parameters(const LogicalUnitConfig& config, const ocf::Parameters& params);

}  // namespace hakit::iscsi
