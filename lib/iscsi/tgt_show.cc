#include "iscsi/tgt_show.h"

#include <charconv>
#include <optional>

#include "iscsi/iscsi_name.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

enum class Section { kNone, kSystem, kNexus, kLogicalUnits, kAccounts, kAcl };

template <typename Number>
std::optional<Number> number(std::string_view text) {
  text = trim(text);
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || text.empty()) return std::nullopt;
  return value;
}

size_t indentation(std::string_view line) {
  const size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

/// "Key: value" -> {"Key", "value"}; a line without ": " has an empty key.
std::pair<std::string_view, std::string_view> key_value(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return {{}, text};
  return {trim(text.substr(0, colon)), trim(text.substr(colon + 1))};
}

Section section_named(std::string_view heading) {
  if (heading == "System information") return Section::kSystem;
  if (heading == "I_T nexus information") return Section::kNexus;
  if (heading == "LUN information") return Section::kLogicalUnits;
  if (heading == "Account information") return Section::kAccounts;
  if (heading == "ACL information") return Section::kAcl;
  return Section::kNone;  // e.g. a newer "Portal information": skipped
}

void parse_nexus_line(std::string_view key, std::string_view value, TgtTarget& target,
                      long long& session, std::string& initiator) {
  if (key == "I_T nexus") {
    session = number<long long>(value).value_or(0);
    initiator.clear();
  } else if (key == "Initiator") {
    initiator = std::string(value.substr(0, value.find(" alias:")));
  } else if (key == "Connection") {
    target.connections.push_back(
        {session, number<long long>(value).value_or(0), initiator, std::string()});
  } else if (key == "IP Address" && !target.connections.empty()) {
    target.connections.back().address = std::string(value);
  }
}

void parse_logical_unit_line(std::string_view key, std::string_view value, TgtTarget& target) {
  if (key == "LUN") {
    target.logical_units.push_back({});
    target.logical_units.back().lun = number<int>(value).value_or(-1);
    return;
  }
  if (target.logical_units.empty()) return;
  TgtLogicalUnit& unit = target.logical_units.back();
  if (key == "Type") {
    unit.type = value;
  } else if (key == "SCSI ID") {
    unit.scsi_id = value;
  } else if (key == "SCSI SN") {
    unit.scsi_sn = value;
  } else if (key == "Size") {  // "67 MB, Block size: 512"
    unit.size_mb = number<long long>(value.substr(0, value.find(' '))).value_or(0);
  } else if (key == "Backing store path" || key == "Backing store") {  // old tgtd: the latter
    unit.backing_store_path = value;
  } else if (key == "Backing store type") {
    unit.backing_store_type = value;
  }
}

}  // namespace

const TgtLogicalUnit* TgtTarget::logical_unit(int lun) const {
  for (const TgtLogicalUnit& unit : logical_units) {
    if (unit.lun == lun) return &unit;
  }
  return nullptr;
}

std::vector<TgtTarget> parse_tgt_show(std::string_view output) {
  std::vector<TgtTarget> targets;
  Section section = Section::kNone;
  long long session = 0;
  std::string initiator;
  for (const std::string& raw : split(output, "\n")) {
    const std::string_view line = std::string_view(raw).substr(0, raw.find_last_not_of(" \r") + 1);
    const std::string_view text = trim(line);
    if (text.empty()) continue;
    if (indentation(line) == 0) {
      // "Target 1: iqn.2024-01.lab.example:disk1"; the name itself may hold colons.
      section = Section::kNone;
      if (!text.starts_with("Target ")) continue;
      const size_t colon = text.find(':');
      const auto tid = number<int>(text.substr(7, colon - std::min(colon, size_t(7))));
      if (colon == std::string_view::npos || !tid) continue;
      targets.push_back({});
      targets.back().tid = *tid;
      targets.back().name = trim(text.substr(colon + 1));
      continue;
    }
    if (targets.empty()) continue;
    TgtTarget& target = targets.back();
    if (indentation(line) <= 4 && text.ends_with(':')) {
      section = section_named(text.substr(0, text.size() - 1));
      continue;
    }
    const auto [key, value] = key_value(text);
    switch (section) {
      case Section::kSystem:
        if (key == "State") target.state = value;
        break;
      case Section::kNexus:
        parse_nexus_line(key, value, target, session, initiator);
        break;
      case Section::kLogicalUnits:
        parse_logical_unit_line(key, value, target);
        break;
      case Section::kAccounts:
        target.accounts.emplace_back(text);
        break;
      case Section::kAcl:
        target.acl.emplace_back(text);
        break;
      case Section::kNone:
        break;
    }
  }
  return targets;
}

const TgtTarget* find_tgt_target(const std::vector<TgtTarget>& targets, std::string_view name) {
  for (const TgtTarget& target : targets) {
    if (same_iscsi_name(target.name, name)) return &target;
  }
  return nullptr;
}

const TgtTarget* find_tgt_target(const std::vector<TgtTarget>& targets, int tid) {
  for (const TgtTarget& target : targets) {
    if (target.tid == tid) return &target;
  }
  return nullptr;
}

}  // namespace hakit::iscsi
