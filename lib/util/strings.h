// Small string helpers shared by every agent.
#pragma once

#include <charconv>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace hakit {

namespace detail {

template <typename T>
concept DecimalInteger =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> &&
    !std::is_same_v<T, signed char> && !std::is_same_v<T, unsigned char> &&
    !std::is_same_v<T, wchar_t> && !std::is_same_v<T, char8_t> && !std::is_same_v<T, char16_t> &&
    !std::is_same_v<T, char32_t>;

/// Text and integers are appended directly, as a stream would print them: an agent's
/// start-up then never builds a stream, whose first use initialises the whole locale.
template <typename T>
void append_part(std::string& out, const T& part) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    out += std::string_view(part);
  } else if constexpr (std::is_same_v<T, char>) {
    out += part;
  } else if constexpr (DecimalInteger<T>) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, part).ptr);
  } else {
    std::ostringstream stream;
    stream << part;
    out += stream.str();
  }
}

}  // namespace detail

/// Concatenates anything streamable: cat("device ", dev, " not found (", rc, ")"). Each
/// part is formatted on its own, so stream manipulators (std::setw, std::fixed) have no
/// effect: format such a part first.
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (detail::append_part(out, parts), ...);
  return out;
}

std::string_view trim(std::string_view text);
/// Splits on any of `separators`, dropping empty fields.
std::vector<std::string> split(std::string_view text, std::string_view separators = " \t\n");
std::string to_lower(std::string_view text);
/// The parts with `separator` between them.
std::string join(const std::vector<std::string>& parts, std::string_view separator);
/// `text` with every occurrence of each (non-empty) secret replaced by "***", for a log
/// line or an error message that quotes a command or a tool's reply.
std::string mask_secrets(std::string text, const std::vector<std::string>& secrets);
/// Reads a whole (small) file such as one under /proc; false when it cannot be read.
bool read_file(const std::string& path, std::string& contents);

}  // namespace hakit
