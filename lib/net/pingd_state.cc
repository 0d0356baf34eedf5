#include "net/pingd_state.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "ocf/error.h"
#include "util/strings.h"
#include "util/unique_fd.h"

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
  if (!read_file(path, text)) {
    if (::access(path.c_str(), F_OK) != 0) return std::nullopt;
    throw ocf::Error(ocf::ExitCode::kErrGeneric, cat("cannot read state file ", path));
  }
  return parse(text);
}

void PingdState::save(const std::string& path) const {
  const std::string temporary = cat(path, ".new");
  const std::string text = serialize();
  std::string problem;
  {
    // pidfile may name a shared directory: a link planted at the temporary name must not
    // make root write through it, so the file is created afresh (a leftover is removed).
    ::unlink(temporary.c_str());
    const UniqueFd fd(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd.valid() || ::write(fd.get(), text.data(), text.size()) != ssize_t(text.size())) {
      problem = std::strerror(errno);
    }
  }
  if (problem.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) {
    problem = std::strerror(errno);
  }
  if (!problem.empty()) {
    ::unlink(temporary.c_str());
    throw ocf::Error(ocf::ExitCode::kErrGeneric, cat("cannot write state file ", path, ": ",
                                                     problem, " (check pidfile's directory)"));
  }
}

bool PingdState::remove(const std::string& path) {
  return ::unlink(path.c_str()) == 0 || errno == ENOENT;
}

bool dampening_changed(const PingdState& state, exec::Millis configured) {
  return state.applied_dampen != configured;
}

}  // namespace hakit::net
