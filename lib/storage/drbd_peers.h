// Who the other nodes are, as Pacemaker tells a DRBD instance: the notify lists (the peer to
// connect to, the Primary to outdate against) and crm_resource --locate (the promoted
// instance Pacemaker knows about).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ocf/environment.h"

namespace hakit::storage {

/// The first node other than `self` (case-insensitive) in the start, promote, promoted,
/// unpromoted and demote notify lists: drbdadm's --peer for DRBD 8.4.
std::optional<std::string> notified_peer(const ocf::Environment& env, std::string_view self);

/// From `crm_resource --resource R --locate`: the node other than `self` where the resource
/// runs promoted ("... is running on: NODE Master" or "... Promoted").
std::optional<std::string> promoted_peer_from_locate(std::string_view output,
                                                     std::string_view self);

/// stop_outdates_secondary: what a stopping or disconnected instance does about its data.
struct OutdateDecision {
  enum class Kind { kNothing, kOutdate, kSplitBrain } kind = Kind::kNothing;
  std::string primary{};  ///< the other node that is still Primary
};

/// As the anchor's maybe_outdate_self: outdate when the notification names another node as
/// promoted that is not being stopped and this node is not Primary; when this node is
/// Primary too, that is a split brain to report, not to act on.
OutdateDecision decide_outdate(const ocf::Environment& env, std::string_view self, bool primary);

}  // namespace hakit::storage
