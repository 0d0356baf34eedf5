#include "storage/drbd_promotion_score.h"

#include <charconv>
#include <vector>

#include "ocf/environment.h"
#include "util/strings.h"

namespace hakit::storage {

namespace {

using Kind = PromotionScoreDecision::Kind;

PromotionScoreDecision set(int score, std::string reason) {
  // Zero or less means "do not promote": the attribute goes, as with the anchor.
  if (score <= 0) return {.kind = Kind::kRemove, .reason = std::move(reason)};
  return {.kind = Kind::kSet, .score = score, .reason = std::move(reason)};
}

PromotionScoreDecision remove(std::string reason) {
  return {.kind = Kind::kRemove, .reason = std::move(reason)};
}

/// remove_master_score_if_peer_primary: a Secondary connected to a healthy Primary.
std::optional<PromotionScoreDecision> peer_primary_rule(const PromotionScoreInputs& inputs) {
  const DrbdAssessment& state = inputs.state;
  if (inputs.peer_primary_policy == PeerPrimaryPolicy::kIgnore || state.primary ||
      !state.some_peer_primary || !state.some_peer_all_up_to_date) {
    return std::nullopt;
  }
  if (inputs.peer_primary_policy == PeerPrimaryPolicy::kRemoveIfUnexpected &&
      !inputs.primary_unknown_to_pacemaker()) {
    return std::nullopt;
  }
  return remove("connected to a Primary peer with UpToDate data");
}

}  // namespace

std::optional<PromotionScoreLevels> parse_promotion_score_levels(std::string_view text) {
  const auto words = split(text);
  if (words.size() != 4) return std::nullopt;
  std::vector<int> values;
  for (const auto& word : words) {
    int value = -1;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc() || end != word.data() + word.size() || value < 0) return std::nullopt;
    if (!values.empty() && value < values.back()) return std::nullopt;
    values.push_back(value);
  }
  return PromotionScoreLevels{values[0], values[1], values[2], values[3]};
}

PeerPrimaryPolicy parse_peer_primary_policy(std::string_view text) {
  if (text == "unexpected") return PeerPrimaryPolicy::kRemoveIfUnexpected;
  return ocf::parse_bool(text).value_or(false) ? PeerPrimaryPolicy::kRemove
                                               : PeerPrimaryPolicy::kIgnore;
}

PromotionScoreDecision decide_promotion_score(const PromotionScoreInputs& inputs) {
  const DrbdAssessment& state = inputs.state;
  const PromotionScoreLevels& levels = inputs.levels;
  if (!state.have_quorum) return remove("no quorum");
  if (auto decision = peer_primary_rule(inputs)) return *decision;

  if (state.diskless_client) {
    if ((state.primary && state.some_peer_all_up_to_date) || state.pdsk_all_up_to_date) {
      return set(levels.as_good_as_it_gets - 1, "diskless client, all peers UpToDate");
    }
    if (state.some_peer_all_up_to_date) {
      return set(levels.local_ok - 1, "diskless client, some peer UpToDate");
    }
    return remove("diskless client without a peer with UpToDate data");
  }
  if (state.disk_all_up_to_date) {
    if (state.primary) {
      auto decision = set(levels.as_good_as_it_gets, "Primary with UpToDate data");
      decision.unfence = state.pdsk_all_up_to_date;
      return decision;
    }
    if (state.pdsk_any_unknown) {
      return set(levels.local_ok, "UpToDate data, peer disk state unknown");
    }
    return set(levels.as_good_as_it_gets, "UpToDate data, peer disk states known");
  }
  if (state.some_peer_all_up_to_date) {
    return set(levels.only_remote, "local data not UpToDate, a peer's is");
  }
  if (state.disk_transitional) {
    return {.kind = Kind::kKeep, .reason = "disk attaching or negotiating"};
  }
  if (state.disk_all_consistent) return set(levels.only_consistent, "data Consistent only");
  return remove("no usable data, locally or on a peer");
}

}  // namespace hakit::storage
