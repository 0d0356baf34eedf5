// Unit-test helper: the example guest configs in examples/xen/ of the source tree.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace hakit::virt::testing {

inline std::string read_example(const std::string& name) {
  const std::string path = std::string(HAKIT_SOURCE_DIR) + "/examples/xen/" + name;
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace hakit::virt::testing
