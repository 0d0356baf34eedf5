#include "storage/drbd_peers.h"

#include <algorithm>
#include <vector>

#include "util/strings.h"

namespace hakit::storage {

namespace {

bool same_node(std::string_view a, std::string_view b) { return to_lower(a) == to_lower(b); }

/// The notify list under its Pacemaker 2.1 name and its older one.
std::vector<std::string> notify_nodes(const ocf::Environment& env, std::string_view name,
                                      std::string_view old_name = "") {
  auto nodes = env.notify_list(name);
  if (nodes.empty() && !old_name.empty()) nodes = env.notify_list(old_name);
  return nodes;
}

std::optional<std::string> first_other(const std::vector<std::string>& nodes,
                                       std::string_view self) {
  const auto it = std::find_if(nodes.begin(), nodes.end(),
                               [&](const auto& node) { return !same_node(node, self); });
  return it == nodes.end() ? std::nullopt : std::optional<std::string>(*it);
}

}  // namespace

std::optional<std::string> notified_peer(const ocf::Environment& env, std::string_view self) {
  const std::pair<std::string_view, std::string_view> lists[] = {
      {"start_uname", ""},
      {"promote_uname", ""},
      {"promoted_uname", "master_uname"},
      {"unpromoted_uname", "slave_uname"},
      {"demote_uname", ""}};
  for (const auto& [name, old_name] : lists) {
    if (auto peer = first_other(notify_nodes(env, name, old_name), self)) return peer;
  }
  return std::nullopt;
}

std::optional<std::string> promoted_peer_from_locate(std::string_view output,
                                                     std::string_view self) {
  constexpr std::string_view kRunningOn = "is running on: ";
  for (const auto& line : split(output, "\n")) {
    const auto at = line.find(kRunningOn);
    if (at == std::string::npos) continue;
    const auto words = split(std::string_view(line).substr(at + kRunningOn.size()));
    if (words.size() >= 2 && (words[1] == "Master" || words[1] == "Promoted") &&
        !same_node(words[0], self)) {
      return words[0];
    }
  }
  return std::nullopt;
}

OutdateDecision decide_outdate(const ocf::Environment& env, std::string_view self, bool primary) {
  using Kind = OutdateDecision::Kind;
  // The promote list is ignored on purpose: when a demote and a promote of the same data
  // happen in one transition, outdating here would make that promote fail.
  const auto promoted = first_other(notify_nodes(env, "promoted_uname", "master_uname"), self);
  if (!promoted) return {};
  const auto stopping = env.notify_list("stop_uname");
  if (std::any_of(stopping.begin(), stopping.end(),
                  [&](const auto& node) { return same_node(node, *promoted); })) {
    return {};  // a stale promoted list: that node is being stopped
  }
  return {.kind = primary ? Kind::kSplitBrain : Kind::kOutdate, .primary = *promoted};
}

}  // namespace hakit::storage
