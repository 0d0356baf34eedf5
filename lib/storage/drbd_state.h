// What DRBD reports about one resource, whichever tool reported it (drbdsetup sh-status for
// 8.4, events2 for 9; see drbd_status_parsers.h), and the conclusions the agent draws from
// it: running or not, Primary or not, and how good the local and the peers' data are.
#pragma once

#include <string>
#include <vector>

namespace hakit::storage {

struct DrbdVolumeState {
  int volume = 0;
  int minor = -1;       ///< /dev/drbdMINOR
  std::string disk{};   ///< UpToDate, Consistent, Outdated, Inconsistent, Diskless, ...
  bool client = false;  ///< intentionally diskless (DRBD 9 "client:yes")
  bool quorum = true;   ///< DRBD 9 "quorum:no" on any volume: no quorum
};

struct DrbdPeerVolumeState {
  int volume = 0;
  std::string peer_disk{};    ///< UpToDate, ..., DUnknown while not connected
  bool peer_client = false;   ///< the peer is intentionally diskless for this volume
  std::string replication{};  ///< Established, SyncSource, ... (8.4: the connection state)
};

struct DrbdPeerState {
  std::string name{};        ///< DRBD 9 conn-name; 8.4 has one unnamed peer
  std::string connection{};  ///< Connected, StandAlone, Connecting, WFConnection, ...
  std::string role{};        ///< Primary, Secondary, Unknown
  std::vector<DrbdPeerVolumeState> volumes{};
};

struct DrbdResourceState {
  std::string role = "Unconfigured";  ///< Primary, Secondary or Unconfigured
  std::vector<DrbdVolumeState> volumes{};
  std::vector<DrbdPeerState> peers{};

  /// The kernel has the resource (Primary or Secondary): the OCF instance runs.
  bool configured() const { return role == "Primary" || role == "Secondary"; }
  bool primary() const { return role == "Primary"; }
};

/// The anchor's status_* conclusions (drbd.shellfuncs.sh), from one state.
struct DrbdAssessment {
  bool primary = false;
  bool some_peer_primary = false;
  bool diskless_client = false;  ///< every local volume is an intentional diskless client
  bool have_quorum = true;
  bool disk_all_up_to_date = false;
  bool disk_all_consistent = false;  ///< no local volume Diskless/Failed/Inconsistent/Outdated
  bool disk_transitional = false;    ///< some local volume Attaching/Negotiating/Detaching
  bool pdsk_all_up_to_date = false;  ///< every (disk-ful) peer has every volume UpToDate
  bool pdsk_any_unknown = false;     ///< some peer volume's disk is unknown (DUnknown)
  bool some_peer_all_up_to_date = false;
};

DrbdAssessment assess(const DrbdResourceState& state);

/// One line for logs and exit reasons: "Secondary, disk UpToDate, to b Connected: peer
/// Primary UpToDate".
std::string describe(const DrbdResourceState& state);

}  // namespace hakit::storage
