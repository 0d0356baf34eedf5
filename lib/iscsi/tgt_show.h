// What tgtd reports for `tgtadm --lld iscsi --mode target --op show`: targets, their
// sessions (I_T nexus) and connections, logical units, accounts and ACLs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::iscsi {

struct TgtConnection {
  long long session = 0;     ///< the I_T nexus number (tgtadm --sid)
  long long connection = 0;  ///< tgtadm --cid
  std::string initiator;
  std::string address;
};

struct TgtLogicalUnit {
  int lun = 0;
  std::string type;                ///< "controller", "disk", ...
  std::string backing_store_path;  ///< "None" for the controller
  std::string backing_store_type;  ///< "rdwr", "aio", "rbd", "null", ...
  std::string scsi_id;
  std::string scsi_sn;
  long long size_mb = 0;  ///< in units of 1000 * 1000 bytes, as tgtd prints it
};

struct TgtTarget {
  int tid = 0;
  std::string name;
  std::string state;  ///< "ready", "offline"
  std::vector<TgtConnection> connections;
  std::vector<TgtLogicalUnit> logical_units;
  std::vector<std::string> accounts;  ///< "user", or "user (outgoing)"
  std::vector<std::string> acl;       ///< initiator addresses and names ("ALL")

  const TgtLogicalUnit* logical_unit(int lun) const;
};

/// Parses the whole output. Lines it does not know are skipped, so a newer tgtd that
/// prints more still parses; a target's header line is what must be there.
std::vector<TgtTarget> parse_tgt_show(std::string_view output);

/// The target called `name` (compared case-insensitively, as iSCSI names are), or nullptr.
const TgtTarget* find_tgt_target(const std::vector<TgtTarget>& targets, std::string_view name);

/// The target with this tid, or nullptr.
const TgtTarget* find_tgt_target(const std::vector<TgtTarget>& targets, int tid);

}  // namespace hakit::iscsi
