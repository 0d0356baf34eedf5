// The one error type of the runtime. Agent code throws it; the dispatcher catches
// it at a single boundary, writes the exit reason and exits with its code.
#pragma once

#include <stdexcept>
#include <string>

#include "ocf/exit_code.h"

namespace hakit::ocf {

class Error : public std::runtime_error {
 public:
  /// `reason` is one line saying what failed and, for configuration errors, what to fix.
  Error(ExitCode code, const std::string& reason) : std::runtime_error(reason), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace hakit::ocf
