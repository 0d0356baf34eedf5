// Small string helpers shared by every agent.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace hakit {

/// Concatenates anything streamable: cat("device ", dev, " not found (", rc, ")").
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
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
