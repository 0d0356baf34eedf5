#include "ocf/environment.h"

#include <charconv>
#include <limits>

#include "ocf/error.h"
#include "util/strings.h"

extern char** environ;

namespace hakit::ocf {
namespace {

constexpr std::string_view kReskey = "OCF_RESKEY_";
constexpr std::string_view kMeta = "OCF_RESKEY_CRM_meta_";

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Environment Environment::from_process() {
  Variables vars;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view var(*entry);
    const auto eq = var.find('=');
    if (eq != std::string_view::npos) vars.emplace(var.substr(0, eq), var.substr(eq + 1));
  }
  return Environment(std::move(vars));
}

Environment::Environment(Variables vars) : vars_(std::move(vars)) {}

std::optional<std::string_view> Environment::get(std::string_view name) const {
  const auto it = vars_.find(name);
  if (it == vars_.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::optional<std::string_view> Environment::reskey(std::string_view param) const {
  return get(cat(kReskey, param));
}

std::optional<std::string_view> Environment::meta(std::string_view name) const {
  std::string key = cat(kMeta, name);
  for (char& c : key) {
    if (c == '-') c = '_';
  }
  return get(key);
}

std::vector<std::string> Environment::parameter_names() const {
  std::vector<std::string> names;
  for (const auto& [name, value] : vars_) {
    if (name.starts_with(kReskey) && !name.starts_with("OCF_RESKEY_CRM_meta_") &&
        name != "OCF_RESKEY_crm_feature_set") {
      names.push_back(name.substr(kReskey.size()));
    }
  }
  return names;
}

std::string Environment::resource_instance() const {
  const auto instance = get("OCF_RESOURCE_INSTANCE");
  return instance && !instance->empty() ? std::string(*instance) : "default";
}

std::string Environment::resource_type(std::string_view fallback) const {
  const auto type = get("OCF_RESOURCE_TYPE");
  return std::string(type && !type->empty() ? *type : fallback);
}

int Environment::check_level() const {
  auto level = get("OCF_CHECK_LEVEL");
  if (!level || level->empty()) level = reskey("OCF_CHECK_LEVEL");
  if (!level || level->empty()) return 0;
  const auto value = parse_integer(trim(*level));
  if (!value || *value < 0) {
    throw Error(ExitCode::kErrConfigured,
                cat("OCF_CHECK_LEVEL '", *level, "' is not a number (use 0, 10 or 20)"));
  }
  return int(*value);
}

std::optional<exec::Millis> Environment::timeout() const {
  const auto text = meta("timeout");
  if (!text) return std::nullopt;
  const auto value = parse_integer(*text);
  if (!value || *value <= 0) return std::nullopt;
  return exec::Millis(*value);
}

exec::Millis Environment::interval() const {
  const auto text = meta("interval");
  const auto value = text ? parse_integer(*text) : std::nullopt;
  return exec::Millis(value.value_or(0));
}

bool Environment::is_clone() const {
  const auto clone_max = meta("clone_max");
  return meta("clone").has_value() || (clone_max && !clone_max->empty());
}

std::optional<std::string_view> Environment::clone_instance() const { return meta("clone"); }

bool Environment::fail_have_binary() const {
  const auto flag = get("OCF_TESTER_FAIL_HAVE_BINARY");
  return flag && !flag->empty();
}

bool Environment::debug() const {
  const auto flag = get("HA_debug");
  return flag && !flag->empty() && *flag != "0";
}

std::string Environment::notify_type() const {
  return std::string(meta("notify_type").value_or(""));
}

std::string Environment::notify_operation() const {
  return std::string(meta("notify_operation").value_or(""));
}

std::vector<std::string> Environment::notify_list(std::string_view key) const {
  return split(meta(cat("notify_", key)).value_or(""));
}

std::optional<bool> parse_bool(std::string_view text) {
  const std::string value = to_lower(trim(text));
  if (value == "yes" || value == "true" || value == "on" || value == "y" || value == "1") {
    return true;
  }
  if (value == "no" || value == "false" || value == "off" || value == "n" || value == "0") {
    return false;
  }
  return std::nullopt;
}

std::optional<exec::Millis> parse_duration(std::string_view text) {
  text = trim(text);
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const auto number = parse_integer(text.substr(0, digits));
  if (!number) return std::nullopt;
  const std::string unit = to_lower(trim(text.substr(digits)));
  long long factor = 0;
  if (unit.empty() || unit == "s" || unit == "sec" || unit == "secs" || unit == "second" ||
      unit == "seconds") {
    factor = 1000;
  } else if (unit == "ms" || unit == "msec" || unit == "msecs") {
    factor = 1;
  } else if (unit == "m" || unit == "min" || unit == "mins" || unit == "minute" ||
             unit == "minutes") {
    factor = 60'000;
  } else if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours") {
    factor = 3'600'000;
  } else {
    return std::nullopt;
  }
  // A duration too long for milliseconds is as wrong as an unknown unit (found by fuzzing).
  if (*number > std::numeric_limits<long long>::max() / factor) return std::nullopt;
  return exec::Millis(*number * factor);
}

}  // namespace hakit::ocf
