// Shared by the libFuzzer targets: the input as text, and splitting off a selector byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace hakit::fuzz {

inline std::string_view text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The first line of `input` (the rest is returned in `input`): a target's second
/// argument (a node name, an agent), so that the fuzzer varies both.
inline std::string_view take_line(std::string_view& input) {
  const auto end = input.find('\n');
  const std::string_view line = input.substr(0, end);
  input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
  return line;
}

}  // namespace hakit::fuzz
