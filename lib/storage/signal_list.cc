#include "storage/signal_list.h"

#include <csignal>
#include <cstring>

#include <charconv>
#include <optional>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

std::optional<int> parse_signal(std::string_view text) {
  int number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error == std::errc() && end == text.data() + text.size()) {
    if (number > 0 && number < NSIG) return number;
    return std::nullopt;
  }
  std::string name = to_lower(text);
  if (name.starts_with("sig")) name.erase(0, 3);
  for (int signal = 1; signal < NSIG; ++signal) {
    const char* abbreviation = ::sigabbrev_np(signal);
    if (abbreviation != nullptr && to_lower(abbreviation) == name) return signal;
  }
  return std::nullopt;
}

}  // namespace

std::vector<int> parse_signal_list(std::string_view text, std::string_view parameter) {
  std::vector<int> signals;
  for (const std::string& word : split(text)) {
    const auto signal = parse_signal(word);
    if (!signal) {
      throw ocf::Error(ocf::ExitCode::kErrConfigured,
                       cat(parameter, ": '", word, "' is not a signal name or number"));
    }
    signals.push_back(*signal);
  }
  if (signals.empty()) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured, cat(parameter, " names no signal"));
  }
  return signals;
}

std::string signal_name(int signal) {
  const char* abbreviation = ::sigabbrev_np(signal);
  return abbreviation != nullptr ? abbreviation : std::to_string(signal);
}

}  // namespace hakit::storage
