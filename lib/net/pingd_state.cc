#include "net/pingd_state.h"

#include <cerrno>
#include <charconv>
#include <cstring>

#include "ocf/error.h"
#include "util/state_file.h"
#include "util/strings.h"

namespace hakit::net {

std::string PingdState::serialize() const {
  std::string text;
  if (applied_dampen) text += cat("dampen_ms=", applied_dampen->count(), "\n");
  text += cat("unreachable=", join(unreachable, " "), "\n");
  return text;
}

PingdState PingdState::parse(std::string_view text) {
  PingdState state;
  for (const std::string& line : split(text, "\n")) {
    const auto equals = line.find('=');
    if (equals == std::string::npos) continue;
    const std::string_view key = std::string_view(line).substr(0, equals);
    const std::string_view value = std::string_view(line).substr(equals + 1);
    if (key == "dampen_ms") {
      long long millis = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), millis);
      if (error == std::errc() && end == value.data() + value.size()) {
        state.applied_dampen = exec::Millis(millis);
      }
    } else if (key == "unreachable") {
      state.unreachable = split(value);
    }
  }
  return state;
}

std::optional<PingdState> PingdState::load(const std::string& path) {
  std::string text;
  if (!read_state_file(path, text)) {
    if (errno == ENOENT) return std::nullopt;
    throw ocf::Error(ocf::ExitCode::kErrGeneric,
                     cat("cannot read state file ", path, ": ", std::strerror(errno)));
  }
  return parse(text);
}

void PingdState::save(const std::string& path) const {
  const std::string problem = write_state_file(path, serialize());
  if (!problem.empty()) {
    throw ocf::Error(ocf::ExitCode::kErrGeneric, cat("cannot write state file ", path, ": ",
                                                     problem, " (check pidfile's directory)"));
  }
}

bool PingdState::remove(const std::string& path) { return remove_state_file(path); }

bool dampening_changed(const PingdState& state, exec::Millis configured) {
  return state.applied_dampen != configured;
}

}  // namespace hakit::net
