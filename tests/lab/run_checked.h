// Running a helper program from the lab, where any failure is a broken test setup.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace hakit::lab {

/// Runs `argv` through hakit::exec::run and returns its stdout; throws std::runtime_error
/// quoting the command and its error when it does not exit 0 within `timeout`.
std::string run_checked(const std::vector<std::string>& argv,
                        std::chrono::milliseconds timeout = std::chrono::seconds(60));

}  // namespace hakit::lab
