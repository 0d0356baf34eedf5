// What `vgs` and `lvs --reportformat json` say about volume groups and logical volumes.
// Every value in LVM's JSON report is a string; the attribute strings are decoded here
// once so that callers ask questions (partial? active?) instead of indexing characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::storage {

/// The fields vgs and lvs are asked for (-o); the parser looks them up by name.
inline constexpr std::string_view kVgsFields =
    "vg_name,vg_attr,vg_lock_type,vg_systemid,vg_tags,lv_count,vg_autoactivation";
inline constexpr std::string_view kLvsFields = "vg_name,lv_name,lv_attr,lv_active";

struct VolumeGroupInfo {
  std::string name;
  std::string attr;       ///< vg_attr, e.g. "wz--n-" (see vgs(8))
  std::string lock_type;  ///< "" (none), "dlm", "sanlock", "idm"
  std::string system_id;  ///< "" when the VG has none
  std::vector<std::string> tags;
  int lv_count = 0;
  bool autoactivation = false;  ///< vg_autoactivation "enabled" (LVM 2.03.12 and later)

  /// Physical volumes are missing (vg_attr[3] == 'p').
  bool partial() const { return attr.size() > 3 && attr[3] == 'p'; }
  /// Clustered through clvmd (vg_attr[5] == 'c').
  bool clustered() const { return attr.size() > 5 && attr[5] == 'c'; }
  /// Shared through lvmlockd (vg_attr[5] == 's', or a lock type).
  bool shared() const { return (attr.size() > 5 && attr[5] == 's') || !lock_type.empty(); }
  bool has_tag(std::string_view tag) const;
};

struct LogicalVolumeInfo {
  std::string vg_name;
  std::string name;
  std::string attr;    ///< lv_attr, e.g. "-wi-a-----"
  std::string active;  ///< lv_active: "active", "local exclusive", "" ...

  /// The device-mapper table is live here (lv_attr[4] == 'a').
  bool is_active() const { return attr.size() > 4 && attr[4] == 'a'; }
};

/// Parses `vgs --reportformat json -o kVgsFields`. Throws std::runtime_error with what is
/// wrong when the text is not such a report.
std::vector<VolumeGroupInfo> parse_vgs_report(std::string_view json);
/// Parses `lvs --reportformat json -o kLvsFields`. Throws std::runtime_error.
std::vector<LogicalVolumeInfo> parse_lvs_report(std::string_view json);

}  // namespace hakit::storage
