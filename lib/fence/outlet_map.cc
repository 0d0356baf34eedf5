#include "fence/outlet_map.h"

#include <charconv>

#include "fence/error.h"
#include "util/strings.h"

namespace hakit::fence {

std::vector<Outlet> parse_outlet_config(std::string_view text, std::string_view source) {
  std::vector<Outlet> outlets;
  int line_number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const size_t equals = line.find('=');
    const std::string_view node = trim(line.substr(0, equals));
    const auto number = equals == std::string_view::npos
                            ? std::nullopt
                            : outlet_number(trim(line.substr(equals + 1)));
    if (node.empty() || !number) {
      throw Error(ErrorKind::kBadConfig,
                  cat(source, " line ", line_number, ": '", line, "' is not node=outlet_number"));
    }
    outlets.push_back({*number, std::string(node)});
  }
  return outlets;
}

std::vector<Outlet> read_outlet_config(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) {
    throw Error(ErrorKind::kBadConfig, cat("outlet_config ", path, " cannot be read"));
  }
  return parse_outlet_config(text, path);
}

std::vector<unsigned long> outlets_named(const std::vector<Outlet>& outlets,
                                         std::string_view name) {
  std::vector<unsigned long> numbers;
  for (const Outlet& outlet : outlets) {
    if (outlet.name == name) numbers.push_back(outlet.number);
  }
  return numbers;
}

std::optional<unsigned long> outlet_number(std::string_view plug) {
  unsigned long number = 0;
  const auto [end, error] = std::from_chars(plug.data(), plug.data() + plug.size(), number);
  if (plug.empty() || error != std::errc() || end != plug.data() + plug.size() || number == 0) {
    return std::nullopt;
  }
  return number;
}

}  // namespace hakit::fence
