#include "storage/drbd_proc.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string>

#include "util/strings.h"

namespace hakit::storage {

namespace {

struct MinorLine {
  std::string cs, role, peer_role, disk, peer_disk;
};

/// "Primary/Secondary" -> {"Primary", "Secondary"}.
std::pair<std::string, std::string> both_sides(std::string_view value) {
  const auto slash = value.find('/');
  if (slash == std::string_view::npos) return {std::string(value), ""};
  return {std::string(value.substr(0, slash)), std::string(value.substr(slash + 1))};
}

/// Connection states in which the peers talk (replicating, syncing, verifying).
bool is_connected(std::string_view cs) {
  constexpr std::string_view kConnected[] = {
      "Connected",  "StartingSyncS", "StartingSyncT", "WFBitMapS",   "WFBitMapT",
      "WFSyncUUID", "SyncSource",    "SyncTarget",    "PausedSyncS", "PausedSyncT",
      "VerifyS",    "VerifyT",       "Ahead",         "Behind"};
  return std::find(std::begin(kConnected), std::end(kConnected), cs) != std::end(kConnected);
}

/// The connection state as drbdsetup events2 names it for 8.4.
std::string connection_of(std::string_view cs) {
  if (is_connected(cs)) return "Connected";
  if (cs == "WFConnection" || cs == "WFReportParams") return "Connecting";
  return std::string(cs);
}

std::map<int, MinorLine> minor_lines(std::string_view proc_drbd) {
  std::map<int, MinorLine> lines;
  for (const auto& line : split(proc_drbd, "\n")) {
    const auto words = split(line);
    if (words.size() < 2 || words[0].back() != ':') continue;
    int minor = -1;
    const auto [end, error] =
        std::from_chars(words[0].data(), words[0].data() + words[0].size() - 1, minor);
    if (error != std::errc() || end != words[0].data() + words[0].size() - 1) continue;
    MinorLine parsed;
    for (const auto& word : words) {
      if (word.starts_with("cs:")) parsed.cs = word.substr(3);
      if (word.starts_with("ro:"))
        std::tie(parsed.role, parsed.peer_role) = both_sides(word.substr(3));
      if (word.starts_with("ds:"))
        std::tie(parsed.disk, parsed.peer_disk) = both_sides(word.substr(3));
    }
    lines.emplace(minor, parsed);
  }
  return lines;
}

}  // namespace

std::optional<DrbdResourceState> parse_proc_drbd(std::string_view proc_drbd,
                                                 const std::vector<int>& minors) {
  if (minors.empty() || !proc_drbd.starts_with("version: 8.")) return std::nullopt;
  const auto lines = minor_lines(proc_drbd);
  DrbdResourceState state{.role = "Secondary"};
  DrbdPeerState peer{.name = "peer", .role = "Unknown"};  // events2's name for 8.4's one peer
  for (size_t volume = 0; volume < minors.size(); ++volume) {
    const auto it = lines.find(minors[volume]);
    if (it == lines.end() || it->second.cs.empty() || it->second.cs == "Unconfigured") {
      return std::nullopt;
    }
    const MinorLine& line = it->second;
    if (line.role == "Primary") state.role = "Primary";
    if (line.peer_role == "Primary" || peer.role == "Unknown") peer.role = line.peer_role;
    if (peer.connection.empty() || !is_connected(line.cs)) peer.connection = connection_of(line.cs);
    state.volumes.push_back(
        DrbdVolumeState{.volume = int(volume), .minor = minors[volume], .disk = line.disk});
    peer.volumes.push_back(DrbdPeerVolumeState{
        .volume = int(volume), .peer_disk = line.peer_disk, .replication = line.cs});
  }
  state.peers.push_back(std::move(peer));
  return state;
}

}  // namespace hakit::storage
