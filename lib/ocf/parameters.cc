#include "ocf/parameters.h"

#include <charconv>
#include <stdexcept>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::ocf {
namespace {

std::string_view type_hint(ParamType type) {
  switch (type) {
    case ParamType::kBoolean:
      return "a boolean (yes/no, true/false, on/off, 1/0)";
    case ParamType::kInteger:
      return "an integer";
    case ParamType::kTime:
      return "a duration such as 30, 30s, 500ms or 2min";
    case ParamType::kString:
      break;
  }
  return "a string";
}

bool well_formed(ParamType type, std::string_view value) {
  switch (type) {
    case ParamType::kBoolean:
      return parse_bool(value).has_value();
    case ParamType::kInteger: {
      long long number = 0;
      const auto text = trim(value);
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      return error == std::errc() && end == text.data() + text.size() && !text.empty();
    }
    case ParamType::kTime:
      return parse_duration(value).has_value();
    case ParamType::kString:
      break;
  }
  return true;
}

}  // namespace

Parameters::Parameters(const AgentMetadata& metadata, const Environment& env)
    : metadata_(metadata) {
  for (const auto& spec : metadata.params) {
    const auto given = env.reskey(spec.name);
    if (given && !given->empty()) {
      if (!well_formed(spec.type, *given)) {
        throw Error(ExitCode::kErrConfigured, cat("parameter '", spec.name, "' is '", *given,
                                                  "' but must be ", type_hint(spec.type)));
      }
      values_.emplace(spec.name, *given);
    } else if (spec.required) {
      throw Error(ExitCode::kErrConfigured, cat("required parameter '", spec.name, "' is not set"));
    } else if (spec.has_default) {
      defaults_.emplace(spec.name, spec.default_value);
    }
  }
}

bool Parameters::is_set(std::string_view name) const { return values_.contains(name); }

const std::string& Parameters::value_of(std::string_view name, ParamType expected) const {
  const ParamSpec* spec = metadata_.param(name);
  if (spec == nullptr || spec->type != expected) {
    throw std::logic_error(cat("parameter '", name, "' is not declared as ", type_hint(expected),
                               " in the meta-data"));
  }
  if (const auto it = values_.find(name); it != values_.end()) return it->second;
  if (const auto it = defaults_.find(name); it != defaults_.end()) return it->second;
  static const std::string kEmpty;
  return kEmpty;
}

const std::string& Parameters::str(std::string_view name) const {
  return value_of(name, ParamType::kString);
}

bool Parameters::boolean(std::string_view name) const {
  const std::string& value = value_of(name, ParamType::kBoolean);
  return parse_bool(value).value_or(false);
}

long long Parameters::integer(std::string_view name) const {
  const std::string text(trim(value_of(name, ParamType::kInteger)));
  return text.empty() ? 0 : std::stoll(text);
}

exec::Millis Parameters::duration(std::string_view name) const {
  return parse_duration(value_of(name, ParamType::kTime)).value_or(exec::Millis(0));
}

}  // namespace hakit::ocf
