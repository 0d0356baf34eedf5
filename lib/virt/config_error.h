// What is wrong with a Xen guest config file, and on which line. Thrown by the parser
// and the renderer; the Xen agent turns it into OCF_ERR_CONFIGURED "file:line: message"
// at its one error boundary.
#pragma once

#include <stdexcept>
#include <string>

namespace hakit::virt {

struct ConfigError : std::runtime_error {
  /// `line` is 1-based; 0 when the fault is not on one line (a required key is missing).
  ConfigError(int line, std::string message);

  int line;
  std::string message;  ///< without the line number; what() has "line N: message"
};

}  // namespace hakit::virt
