#include "storage/drbd_version.h"

#include <cctype>
#include <charconv>

#include "util/strings.h"

namespace hakit::storage {

namespace {

/// Reads the number at the start of `text` and drops it; nullopt when there is none.
std::optional<int> take_number(std::string_view& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(size_t(end - text.data()));
  return value;
}

bool take_dot(std::string_view& text) {
  if (text.empty() || text.front() != '.') return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::string DrbdVersion::text() const { return cat(major, '.', minor, '.', patch); }

std::optional<DrbdVersion> parse_drbd_version(std::string_view text) {
  text = trim(text);
  const auto major = take_number(text);
  if (!major || !take_dot(text)) return std::nullopt;
  const auto minor = take_number(text);
  if (!minor || !take_dot(text)) return std::nullopt;
  const auto patch = take_number(text);
  if (!patch || (!text.empty() && (text.front() == '.' || std::isdigit(text.front())))) {
    return std::nullopt;
  }
  return DrbdVersion{*major, *minor, *patch};
}

std::optional<DrbdVersion> parse_proc_drbd_version(std::string_view proc_drbd) {
  constexpr std::string_view kPrefix = "version: ";
  if (!proc_drbd.starts_with(kPrefix)) return std::nullopt;
  proc_drbd.remove_prefix(kPrefix.size());
  return parse_drbd_version(proc_drbd.substr(0, proc_drbd.find_first_of(" \n")));
}

}  // namespace hakit::storage
