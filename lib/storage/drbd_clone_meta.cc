#include "storage/drbd_clone_meta.h"

#include <charconv>
#include <optional>
#include <string>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::storage {

namespace {

/// The attribute under its Pacemaker 2.1 name, else its older name.
std::optional<std::string_view> meta_value(const ocf::Environment& env, std::string_view name,
                                           std::string_view old_name = "") {
  if (auto value = env.meta(name)) return value;
  if (!old_name.empty()) return env.meta(old_name);
  return std::nullopt;
}

/// The attribute as a number; `fallback` when unset (nullopt: it must be set).
int meta_number(const ocf::Environment& env, std::string_view name, std::string_view old_name,
                std::optional<int> fallback, std::string_view expectation) {
  const auto text = meta_value(env, name, old_name);
  if (!text) {
    if (fallback) return *fallback;
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     cat("clone meta attribute ", name, " is not set, expected ", expectation,
                         " (configure the resource as a promotable clone)"));
  }
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     cat("clone meta attribute ", name, "=", *text, " is not a number"));
  }
  return value;
}

void expect(bool holds, std::string_view name, int value, std::string_view expectation) {
  if (!holds) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     cat("clone meta attribute ", name, "=", value, ", expected ", expectation));
  }
}

}  // namespace

DrbdCloneMeta check_clone_meta(const ocf::Environment& env, const DrbdVersion& version) {
  const int clone_node_max = meta_number(env, "clone-node-max", "", 1, "1");
  expect(clone_node_max == 1, "clone-node-max", clone_node_max, "1");
  const int promoted_node_max = meta_number(env, "promoted-node-max", "master-node-max", 1, "1");
  expect(promoted_node_max == 1, "promoted-node-max", promoted_node_max, "1");
  // Even DRBD 9 cannot safely have more than two primaries.
  const int promoted_max = meta_number(env, "promoted-max", "master-max", 1, "<= 2");
  expect(promoted_max <= 2, "promoted-max", promoted_max, "<= 2");
  if (!version.is_v9() || promoted_max == 2) {
    const int clone_max = meta_number(env, "clone-max", "", std::nullopt, "<= 2");
    expect(clone_max <= 2, "clone-max", clone_max,
           version.is_v9() ? "<= 2 with two primaries" : "<= 2 with DRBD 8.4 (one peer)");
  }
  return DrbdCloneMeta{.promoted_max = promoted_max};
}

void check_notifications(const ocf::Environment& env, bool ignore_missing) {
  if (ignore_missing) return;
  const auto notify = env.meta("notify");
  if (notify && ocf::parse_bool(*notify).value_or(false)) return;
  if (env.meta("notify_start_uname")) return;
  throw ocf::Error(ocf::ExitCode::kErrConfigured,
                   "the clone needs notify=true (or set ignore_missing_notifications=true)");
}

}  // namespace hakit::storage
