#include "storage/drbd_events2.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string>

#include "util/strings.h"

namespace hakit::storage {

namespace {

using Fields = std::map<std::string, std::string, std::less<>>;

Fields fields_of(const std::vector<std::string>& words) {
  Fields fields;
  for (size_t i = 2; i < words.size(); ++i) {
    const auto colon = words[i].find(':');
    if (colon == std::string::npos) continue;
    fields.emplace(words[i].substr(0, colon), words[i].substr(colon + 1));
  }
  return fields;
}

std::string field(const Fields& fields, std::string_view key, std::string_view fallback = "") {
  const auto it = fields.find(key);
  return it == fields.end() ? std::string(fallback) : it->second;
}

int number_of(const Fields& fields, std::string_view key, int fallback) {
  const std::string text = field(fields, key);
  int value = fallback;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

/// The peer with this peer-node-id ("" with 8.4, which has one peer), added when new.
DrbdPeerState& peer_for(DrbdResourceState& state, std::map<std::string, size_t>& peers,
                        const std::string& id) {
  const auto [it, added] = peers.emplace(id, state.peers.size());
  if (added) state.peers.push_back(DrbdPeerState{.role = "Unknown"});
  return state.peers[it->second];
}

}  // namespace

DrbdResourceState parse_events2(std::string_view output, std::string_view resource) {
  DrbdResourceState state;
  std::map<std::string, size_t> peers;  // peer-node-id -> index in state.peers
  for (const auto& line : split(output, "\n")) {
    const auto words = split(line);
    if (words.size() < 2 || words[0] != "exists") continue;
    if (words[1] == "-") break;  // the end of the initial state dump
    const Fields fields = fields_of(words);
    if (field(fields, "name") != resource) continue;
    const std::string& object = words[1];
    if (object == "resource") {
      state.role = field(fields, "role", "Unconfigured");
    } else if (object == "connection") {
      auto& peer = peer_for(state, peers, field(fields, "peer-node-id"));
      peer.name = field(fields, "conn-name");
      peer.connection = field(fields, "connection");
      peer.role = field(fields, "role", "Unknown");
    } else if (object == "device") {
      state.volumes.push_back(DrbdVolumeState{.volume = number_of(fields, "volume", 0),
                                              .minor = number_of(fields, "minor", -1),
                                              .disk = field(fields, "disk"),
                                              .client = field(fields, "client") == "yes",
                                              .quorum = field(fields, "quorum") != "no"});
    } else if (object == "peer-device") {
      auto& peer = peer_for(state, peers, field(fields, "peer-node-id"));
      peer.volumes.push_back(
          DrbdPeerVolumeState{.volume = number_of(fields, "volume", 0),
                              .peer_disk = field(fields, "peer-disk"),
                              .peer_client = field(fields, "peer-client") == "yes",
                              .replication = field(fields, "replication")});
    }
  }
  return state;
}

}  // namespace hakit::storage
