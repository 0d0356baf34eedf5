#include "util/procfs.h"

#include <charconv>
#include <filesystem>
#include <system_error>

namespace hakit {

std::vector<unsigned> numeric_entries(const std::string& dir) {
  std::vector<unsigned> numbers;
  std::error_code error;
  for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    unsigned number = 0;
    const auto [last, failure] = std::from_chars(name.data(), name.data() + name.size(), number);
    if (failure == std::errc() && last == name.data() + name.size() && !name.empty()) {
      numbers.push_back(number);
    }
  }
  return numbers;
}

char process_state(std::string_view stat) {
  const size_t close = stat.rfind(')');
  return close != std::string_view::npos && close + 2 < stat.size() ? stat[close + 2] : '?';
}

}  // namespace hakit
