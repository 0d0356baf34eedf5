#include "storage/lvm_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/strings.h"

namespace hakit::storage {
namespace {

using nlohmann::json;

/// The rows of report section `section` ("vg", "lv") across all reports in the output.
std::vector<json> rows_of(std::string_view text, const char* section) {
  const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object() || !document.contains("report") ||
      !document["report"].is_array()) {
    throw std::runtime_error(cat("not an LVM JSON report: ", trim(text.substr(0, 80))));
  }
  std::vector<json> rows;
  for (const json& report : document["report"]) {
    if (!report.is_object() || !report.contains(section)) continue;
    for (const json& row : report[section]) rows.push_back(row);
  }
  return rows;
}

std::string field(const json& row, const char* name) {
  const auto it = row.find(name);
  if (it == row.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

/// vg_tags is "a,b" in the plain JSON format and ["a","b"] in json_std.
std::vector<std::string> tags_of(const json& row) {
  const auto it = row.find("vg_tags");
  if (it == row.end()) return {};
  if (it->is_array()) {
    std::vector<std::string> tags;
    for (const json& tag : *it) tags.push_back(tag.get<std::string>());
    return tags;
  }
  return split(field(row, "vg_tags"), ",");
}

int count_of(const json& row, const char* name) {
  const std::string text(trim(field(row, name)));
  if (text.empty()) return 0;
  try {
    return std::stoi(text);
  } catch (const std::exception&) {
    throw std::runtime_error(cat("LVM report field ", name, " is not a number: ", text));
  }
}

}  // namespace

bool VolumeGroupInfo::has_tag(std::string_view tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::vector<VolumeGroupInfo> parse_vgs_report(std::string_view json_text) {
  std::vector<VolumeGroupInfo> groups;
  for (const json& row : rows_of(json_text, "vg")) {
    groups.push_back({field(row, "vg_name"), field(row, "vg_attr"), field(row, "vg_lock_type"),
                      field(row, "vg_systemid"), tags_of(row), count_of(row, "lv_count"),
                      field(row, "vg_autoactivation") == "enabled"});
  }
  return groups;
}

std::vector<LogicalVolumeInfo> parse_lvs_report(std::string_view json_text) {
  std::vector<LogicalVolumeInfo> volumes;
  for (const json& row : rows_of(json_text, "lv")) {
    volumes.push_back({field(row, "vg_name"), field(row, "lv_name"), field(row, "lv_attr"),
                       field(row, "lv_active")});
  }
  return volumes;
}

}  // namespace hakit::storage
