#include "mount_table.h"

#include <sstream>

#include "util/strings.h"

namespace hakit::lab {

namespace {

// mountinfo writes space, tab, newline and backslash as \ooo.
std::string unescape(const std::string& field) {
  std::string text;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size()) {
      text += static_cast<char>(std::stoi(field.substr(i + 1, 3), nullptr, 8));
      i += 3;
    } else {
      text += field[i];
    }
  }
  return text;
}

}  // namespace

std::vector<Mount> current_mounts() {
  std::string table;
  read_file("/proc/self/mountinfo", table);
  std::vector<Mount> mounts;
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    // id parent major:minor root target options [optional...] - fstype source super-options
    const auto fields = split(line, " ");
    size_t separator = 6;
    while (separator < fields.size() && fields[separator] != "-") ++separator;
    if (fields.size() < 5 || separator + 2 >= fields.size()) continue;
    mounts.push_back({unescape(fields[4]), unescape(fields[separator + 2]), fields[separator + 1]});
  }
  return mounts;
}

}  // namespace hakit::lab
