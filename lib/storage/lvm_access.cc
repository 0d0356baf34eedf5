#include "storage/lvm_access.h"

#include <array>
#include <utility>

namespace hakit::storage {
namespace {

constexpr std::array<std::pair<std::string_view, VgAccessMode>, 4> kAccessModes{{
    {"lvmlockd", VgAccessMode::kLvmlockd},
    {"clvmd", VgAccessMode::kClvmd},
    {"system_id", VgAccessMode::kSystemId},
    {"tagging", VgAccessMode::kTagging},
}};

}  // namespace

std::optional<VgAccessMode> parse_access_mode(std::string_view text) {
  for (const auto& [name, mode] : kAccessModes) {
    if (name == text) return mode;
  }
  return std::nullopt;
}

std::optional<ActivationMode> parse_activation_mode(std::string_view text) {
  if (text == "exclusive") return ActivationMode::kExclusive;
  if (text == "shared") return ActivationMode::kShared;
  return std::nullopt;
}

std::string_view name_of(VgAccessMode mode) {
  for (const auto& [name, known] : kAccessModes) {
    if (known == mode) return name;
  }
  return "local";
}

VgAccessMode detected_access_mode(const VolumeGroupInfo& vg) {
  if (vg.shared()) return VgAccessMode::kLvmlockd;
  if (vg.clustered()) return VgAccessMode::kClvmd;
  if (!vg.system_id.empty()) return VgAccessMode::kSystemId;
  if (!vg.tags.empty()) return VgAccessMode::kTagging;
  return VgAccessMode::kLocal;
}

bool access_mode_matches(VgAccessMode configured, VgAccessMode detected) {
  return configured == VgAccessMode::kTagging || configured == detected;
}

}  // namespace hakit::storage
