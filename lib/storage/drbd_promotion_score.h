// The promotion score a DRBD instance asks for (the node attribute master-RESOURCE), from its
// assessed state: the four adjust_master_score levels of ocf:linbit:drbd, applied by the
// same rules (drbd_update_master_score in the anchor).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "storage/drbd_state.h"

namespace hakit::storage {

/// adjust_master_score: "0 10 1000 10000".
struct PromotionScoreLevels {
  int only_consistent = 0;         ///< local data Consistent, not known UpToDate
  int only_remote = 10;            ///< local data not UpToDate, a peer's all UpToDate
  int local_ok = 1000;             ///< Secondary, local UpToDate, a peer's disk unknown
  int as_good_as_it_gets = 10000;  ///< local UpToDate, Primary or every peer disk known
};

/// Four non-negative, non-decreasing numbers; nullopt otherwise (the caller logs it and
/// keeps the defaults, as the anchor does).
std::optional<PromotionScoreLevels> parse_promotion_score_levels(std::string_view text);

/// remove_master_score_if_peer_primary: false, true or "unexpected".
enum class PeerPrimaryPolicy { kIgnore, kRemove, kRemoveIfUnexpected };
PeerPrimaryPolicy parse_peer_primary_policy(std::string_view text);

struct PromotionScoreDecision {
  enum class Kind { kSet, kRemove, kKeep } kind = Kind::kKeep;
  int score = 0;         ///< for kSet; never <= 0 (those are kRemove)
  std::string reason{};  ///< why, for the log
  bool unfence = false;  ///< Primary and everything UpToDate: run the unfence hook if asked
};

struct PromotionScoreInputs {
  const DrbdAssessment& state;
  const PromotionScoreLevels& levels;
  PeerPrimaryPolicy peer_primary_policy = PeerPrimaryPolicy::kIgnore;
  /// Asked only for kRemoveIfUnexpected with a healthy Primary peer: Pacemaker knows no
  /// promoted instance elsewhere (crm_resource --locate), so that Primary is unexpected.
  std::function<bool()> primary_unknown_to_pacemaker = [] { return false; };
};

PromotionScoreDecision decide_promotion_score(const PromotionScoreInputs& inputs);

}  // namespace hakit::storage
