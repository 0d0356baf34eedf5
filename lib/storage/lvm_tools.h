// LVM's command-line tools, run by argv under the action's deadline, and the parsers of
// their plain-text answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"
#include "storage/lvm_report.h"

namespace hakit::storage {

/// `vgs --foreign --reportformat json -o kVgsFields VG`; nullopt when LVM does not see the
/// VG on this node. Throws ocf::Error(kErrGeneric) when vgs fails otherwise.
std::optional<VolumeGroupInfo> query_volume_group(const std::string& vg,
                                                  const exec::Deadline& deadline);
/// `lvs --foreign --reportformat json -o kLvsFields VG`. Throws ocf::Error(kErrGeneric).
std::vector<LogicalVolumeInfo> query_logical_volumes(const std::string& vg,
                                                     const exec::Deadline& deadline);
/// This node's system ID from `lvm systemid` ("" when it has none).
std::string local_system_id(const exec::Deadline& deadline);
/// `lvmconfig NODE` ("global/use_lvmlockd"): the value, nullopt when the node is not set.
std::optional<std::string> lvm_config_value(const std::string& node,
                                            const exec::Deadline& deadline);

/// Runs one LVM command (vgchange, lvchange ...). Throws ocf::Error(kErrGeneric) quoting
/// LVM's first error line when it fails.
void run_lvm(const std::vector<std::string>& argv, const exec::Deadline& deadline);

/// "  system ID: node1\n" -> "node1".
std::string parse_system_id(std::string_view output);
/// "use_lvmlockd=1\n" -> "1"; `volume_list=["vg0","@x"]` -> `["vg0","@x"]`.
std::string parse_config_value(std::string_view output);

}  // namespace hakit::storage
