// Unit-test helper: the text of a real tool output committed under tests/captures/.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace hakit::testing {

inline std::string capture(const std::string& relative) {
  std::ifstream in(std::string(HAKIT_CAPTURES_DIR) + "/" + relative);
  if (!in) throw std::runtime_error("missing capture " + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace hakit::testing
