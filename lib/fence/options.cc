#include "fence/options.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "exec/command.h"
#include "fence/error.h"
#include "ocf/environment.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

/// fencing.py accepts "power-timeout" for "power_timeout".
std::string normalized(std::string_view name) {
  std::string out(trim(name));
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

/// fencing.py strips one pair of surrounding double quotes from stdin values.
std::string unquoted(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

const std::string& empty_string() {
  static const std::string empty;
  return empty;
}

/// The value as an error message may quote it.
std::string shown(std::string_view name, const std::string& value) {
  return is_secret(name) ? "<hidden>" : cat("'", value, "'");
}

}  // namespace

bool is_secret(std::string_view name) {
  return name.find("passw") != std::string_view::npos || name == "community" ||
         name == "hexadecimal_kg";
}

Options::Options(const FenceMetadata& metadata) : metadata_(&metadata) {
  for (const OptionSpec& option : metadata.options) {
    if (option.has_default) defaults_.emplace(option.name, option.default_value);
  }
}

Options Options::from_stdin(const FenceMetadata& metadata, std::string_view text) {
  Options options(metadata);
  for (const std::string& raw : split(text, "\n")) {
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      options.set(line, "");
    } else {
      options.set(line.substr(0, equals), unquoted(line.substr(equals + 1)));
    }
  }
  return options;
}

void Options::set(std::string_view name, std::string value) {
  const std::string key = normalized(name);
  if (key == "nodename") {
    nodename_ = std::move(value);
    return;
  }
  const OptionSpec* option = metadata_->canonical(key);
  if (option == nullptr) {
    ignored_.push_back(key);
    return;
  }
  if (option->type == OptionType::kBoolean) {
    const auto truth = ocf::parse_bool(value);
    if (!truth) {
      ocf::log_warning(
          cat("ignoring option '", key, "': ", shown(key, value), " is not a boolean"));
      return;
    }
    value = *truth ? "1" : "0";
  }
  values_.insert_or_assign(std::string(option->name), std::move(value));
}

void Options::check_required() const {
  for (const OptionSpec& option : metadata_->options) {
    // The target is checked by target() where an action needs one: list and monitor don't.
    if (!option.required || option.deprecated || option.name == "plug") continue;
    if (!is_set(option.name) && !option.has_default) {
      throw Error(ErrorKind::kBadConfig, cat("required option '", option.name, "' is not set"));
    }
  }
}

bool Options::declares(std::string_view name) const {
  return metadata_->canonical(normalized(name)) != nullptr;
}

const OptionSpec& Options::spec(std::string_view name) const {
  const OptionSpec* option = metadata_->canonical(name);
  if (option == nullptr) {
    throw std::logic_error(cat(metadata_->name, " does not declare option '", name, "'"));
  }
  return *option;
}

bool Options::is_set(std::string_view name) const {
  const auto found = values_.find(spec(name).name);
  return found != values_.end() && !found->second.empty();
}

const std::string& Options::str(std::string_view name) const {
  const OptionSpec& option = spec(name);
  if (const auto found = values_.find(option.name); found != values_.end()) return found->second;
  if (const auto found = defaults_.find(option.name); found != defaults_.end())
    return found->second;
  return empty_string();
}

bool Options::flag(std::string_view name) const { return ocf::parse_bool(str(name)) == true; }

long long Options::integer(std::string_view name) const {
  const std::string& text = str(name);
  if (text.empty()) return 0;
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw Error(ErrorKind::kBadConfig,
                cat("option '", name, "' must be an integer, not ", shown(name, text)));
  }
  return value;
}

exec::Millis Options::seconds(std::string_view name) const {
  const std::string& text = str(name);
  if (text.empty()) return exec::Millis(0);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(value >= 0) || value > 1e9) {
    throw Error(ErrorKind::kBadConfig,
                cat("option '", name, "' must be a number of seconds, not ", shown(name, text)));
  }
  return exec::Millis(std::llround(value * 1000));
}

namespace {
// A secret is a line, not a file: what a runaway script prints beyond this is dropped.
constexpr size_t kMaxScriptOutput = 4096;
}  // namespace

std::optional<std::string> Options::secret(std::string_view name,
                                           const exec::Deadline& deadline) const {
  if (is_set(name)) return str(name);
  const std::string script_option = cat(spec(name).name, "_script");
  if (!declares(script_option) || !is_set(script_option)) return std::nullopt;
  exec::Command command{.argv = split(str(script_option)), .max_output = kMaxScriptOutput};
  const exec::Result result = exec::run(command, deadline);
  if (!result.ok()) {
    throw Error(ErrorKind::kBadConfig,
                cat(script_option, " '", command.argv[0], "' failed: ", result.describe()));
  }
  const auto lines = split(result.out, "\n");
  std::string value = lines.empty() ? std::string() : std::string(trim(lines.front()));
  // C libraries would cut the secret at a NUL and use what precedes it.
  if (value.find('\0') != std::string::npos) {
    throw Error(ErrorKind::kBadConfig, cat(script_option, " '", command.argv[0],
                                           "' printed a NUL byte, which no secret can hold"));
  }
  return value;
}

std::string Options::target() const {
  if (declares("plug") && is_set("plug")) return str("plug");
  if (nodename_ && !nodename_->empty()) return *nodename_;
  throw Error(ErrorKind::kBadConfig, "no target: set 'plug' (or 'port') or 'nodename'");
}

std::optional<std::string> Options::nodename() const { return nodename_; }

std::string Options::describe() const {
  std::vector<std::string> parts;
  for (const auto& [name, value] : values_) {
    parts.push_back(cat(name, "=", is_secret(name) ? "<hidden>" : value));
  }
  if (nodename_) parts.push_back(cat("nodename=", *nodename_));
  return join(parts, " ");
}

}  // namespace hakit::fence
