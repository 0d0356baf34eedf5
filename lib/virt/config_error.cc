#include "virt/config_error.h"

#include "util/strings.h"

namespace hakit::virt {

ConfigError::ConfigError(int line, std::string message)
    : std::runtime_error(line > 0 ? cat("line ", line, ": ", message) : message),
      line(line),
      message(std::move(message)) {}

std::string ConfigError::in_file(std::string_view file) const {
  return line > 0 ? cat(file, ":", line, ": ", message) : cat(file, ": ", message);
}

}  // namespace hakit::virt
