#include "storage/drbd_state.h"

#include <algorithm>

#include "util/strings.h"

namespace hakit::storage {

namespace {

bool is_diskless_client(const DrbdVolumeState& volume) {
  return volume.client && volume.disk == "Diskless";
}

/// Local disk states that make the data unusable (the anchor's list).
bool is_unusable(const std::string& disk) {
  return disk == "Diskless" || disk == "Failed" || disk == "Inconsistent" || disk == "Outdated" ||
         disk == "Detaching";
}

bool is_transitional(const std::string& disk) {
  return disk == "Attaching" || disk == "Negotiating";
}

}  // namespace

DrbdAssessment assess(const DrbdResourceState& state) {
  DrbdAssessment result;
  result.primary = state.primary();
  result.some_peer_primary = std::any_of(state.peers.begin(), state.peers.end(),
                                         [](const auto& peer) { return peer.role == "Primary"; });
  const auto& volumes = state.volumes;
  const auto clients = std::count_if(volumes.begin(), volumes.end(), is_diskless_client);
  result.diskless_client = !volumes.empty() && size_t(clients) == volumes.size();
  result.have_quorum =
      std::all_of(volumes.begin(), volumes.end(), [](const auto& v) { return v.quorum; });

  // Diskless clients are judged by their peers' data, not by their own disk.
  bool any_disk = false;
  result.disk_all_up_to_date = result.disk_all_consistent = true;
  for (const auto& volume : volumes) {
    if (is_diskless_client(volume)) continue;
    any_disk = true;
    if (volume.disk != "UpToDate") result.disk_all_up_to_date = false;
    if (is_unusable(volume.disk)) result.disk_all_consistent = false;
    if (is_transitional(volume.disk)) result.disk_transitional = true;
  }
  if (!any_disk && !result.diskless_client) {
    result.disk_all_up_to_date = result.disk_all_consistent = false;
  }

  bool some_peer_not_all_up_to_date = false;
  for (const auto& peer : state.peers) {
    const auto& peer_volumes = peer.volumes;
    const bool diskless_peer =
        !peer_volumes.empty() && std::all_of(peer_volumes.begin(), peer_volumes.end(),
                                             [](const auto& v) { return v.peer_client; });
    if (diskless_peer) continue;  // a diskless client has no data to judge
    const auto up_to_date = std::count_if(peer_volumes.begin(), peer_volumes.end(),
                                          [](const auto& v) { return v.peer_disk == "UpToDate"; });
    const auto known = std::count_if(peer_volumes.begin(), peer_volumes.end(),
                                     [](const auto& v) { return v.peer_disk != "DUnknown"; });
    if (!volumes.empty() && size_t(up_to_date) == volumes.size()) {
      result.some_peer_all_up_to_date = true;
    } else {
      some_peer_not_all_up_to_date = true;
    }
    if (size_t(known) != volumes.size()) result.pdsk_any_unknown = true;
  }
  result.pdsk_all_up_to_date = result.some_peer_all_up_to_date && !some_peer_not_all_up_to_date;
  return result;
}

std::string describe(const DrbdResourceState& state) {
  if (!state.configured()) return "not configured in the kernel";
  std::vector<std::string> disks;
  for (const auto& volume : state.volumes) disks.push_back(volume.disk);
  std::string text = cat(state.role, ", disk ", join(disks, "/"));
  for (const auto& peer : state.peers) {
    std::vector<std::string> peer_disks;
    for (const auto& volume : peer.volumes) peer_disks.push_back(volume.peer_disk);
    text += cat(", ", peer.name.empty() ? "" : "to " + peer.name + " ", peer.connection, ": peer ",
                peer.role, " ", join(peer_disks, "/"));
  }
  return text;
}

}  // namespace hakit::storage
