#include "virt/config_error.h"

#include "util/strings.h"

namespace hakit::virt {

ConfigError::ConfigError(int line, std::string message)
    : std::runtime_error(line > 0 ? cat("line ", line, ": ", message) : message),
      line(line),
      message(std::move(message)) {}

}  // namespace hakit::virt
