#include "iscsi/iet_proc.h"

#include <charconv>

#include "iscsi/iscsi_name.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

/// "key:value key:value ...": the value of `key` ("path" takes the rest of the line, as a
/// path may hold blanks).
std::string field(std::string_view line, std::string_view key) {
  const std::string prefix = cat(key, ":");
  for (size_t at = 0; at < line.size();) {
    const size_t start = line.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    if (line.substr(start).starts_with(prefix)) {
      const size_t value = start + prefix.size();
      if (key == "path" || key == "name") return std::string(line.substr(value));
      return std::string(line.substr(value, line.find(' ', value) - value));
    }
    at = line.find(' ', start);
    if (at == std::string_view::npos) break;
  }
  return {};
}

int number(const std::string& text) {
  int value = -1;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

std::vector<IetTarget> parse_iet_proc(std::string_view text) {
  std::vector<IetTarget> targets;
  std::string session;
  for (const std::string& raw : split(text, "\n")) {
    const std::string_view line = std::string_view(raw).substr(0, raw.find_last_not_of('\r') + 1);
    const std::string_view stripped = trim(line);
    if (stripped.starts_with("tid:")) {
      targets.push_back({number(field(stripped, "tid")), field(stripped, "name"), {}, {}});
      continue;
    }
    if (targets.empty()) continue;
    IetTarget& target = targets.back();
    if (stripped.starts_with("lun:")) {
      target.luns.push_back(
          {number(field(stripped, "lun")), field(stripped, "iotype"), field(stripped, "path")});
    } else if (stripped.starts_with("sid:")) {
      session = field(stripped, "sid");
    } else if (stripped.starts_with("cid:")) {
      target.connections.push_back({session, field(stripped, "cid")});
    }
  }
  return targets;
}

const IetTarget* find_iet_target(const std::vector<IetTarget>& targets, std::string_view name) {
  for (const IetTarget& target : targets) {
    if (same_iscsi_name(target.name, name)) return &target;
  }
  return nullptr;
}

}  // namespace hakit::iscsi
