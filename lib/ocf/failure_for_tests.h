// Test support: the ocf::Error an action throws, as a value a test can compare.
#pragma once

#include <functional>
#include <string>

#include "ocf/error.h"

namespace hakit::ocf {

struct Failure {
  ExitCode code = ExitCode::kSuccess;
  std::string reason;
};

/// What `action` threw as ocf::Error; {kSuccess, ""} when it threw nothing.
inline Failure failure_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return {error.code(), error.what()};
  }
  return {};
}

}  // namespace hakit::ocf
