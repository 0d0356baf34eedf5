#include "fence/fencer_history.h"

#include <ctime>
#include <optional>

#include "exec/command.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

std::optional<std::string> attribute(std::string_view element, std::string_view name) {
  const std::string key = cat(" ", name, "=\"");
  const size_t start = element.find(key);
  if (start == std::string_view::npos) return std::nullopt;
  const size_t value = start + key.size();
  const size_t end = element.find('"', value);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(element.substr(value, end - value));
}

/// "2026-11-22 16:49:20Z" (UTC), as stonith_admin prints it.
std::optional<std::chrono::system_clock::time_point> utc_time(const std::string& text) {
  std::tm parts{};
  const char* end = ::strptime(text.c_str(), "%Y-%m-%d %H:%M:%SZ", &parts);
  if (end == nullptr || *end != '\0') return std::nullopt;
  // A year the clock cannot hold (found by fuzzing: 2263 and later overflow its nanoseconds)
  // is garbage, not a time.
  const std::time_t seconds = ::timegm(&parts);
  const auto latest =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::duration::max());
  if (seconds < 0 || seconds > latest.count()) return std::nullopt;
  return std::chrono::system_clock::from_time_t(seconds);
}

}  // namespace

bool has_manual_confirmation(std::string_view history_xml, std::string_view node,
                             std::chrono::system_clock::time_point since) {
  // The history has whole seconds: count a confirmation from the second the wait began.
  const auto since_second = std::chrono::floor<std::chrono::seconds>(since);
  for (size_t at = history_xml.find("<fence_event"); at != std::string_view::npos;
       at = history_xml.find("<fence_event", at + 1)) {
    const std::string_view element = history_xml.substr(at, history_xml.find('>', at) - at);
    const auto target = attribute(element, "target");
    const auto completed = attribute(element, "completed");
    if (!target || to_lower(*target) != to_lower(node) || !completed) continue;
    if (attribute(element, "status") != "success" || attribute(element, "delegate") != "a human") {
      continue;
    }
    if (const auto when = utc_time(*completed); when && *when >= since_second) return true;
  }
  return false;
}

bool manually_confirmed(const std::string& node, std::chrono::system_clock::time_point since,
                        const exec::Deadline& deadline) {
  // --verbose: every recorded operation; without it, only the latest success shows, which
  // hides a confirmation made in the same second as another fencing of the node.
  const exec::Command command{
      .argv = {"stonith_admin", "--history", node, "--verbose", "--output-as", "xml"}};
  const exec::Result result = exec::run(command, deadline.capped(std::chrono::seconds(5)));
  return result.ok() && has_manual_confirmation(result.out, node, since);
}

}  // namespace hakit::fence
