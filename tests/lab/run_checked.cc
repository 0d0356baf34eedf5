#include "run_checked.h"

#include <stdexcept>

#include "exec/command.h"
#include "util/strings.h"

namespace hakit::lab {

std::string run_checked(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  const auto result = exec::run({.argv = argv}, exec::Deadline::in(timeout));
  if (!result.ok()) {
    std::string command;
    for (const auto& arg : argv) command += (command.empty() ? "" : " ") + arg;
    throw std::runtime_error(
        cat(command, ": ", result.describe(), ": ", result.first_error_line()));
  }
  return result.out;
}

}  // namespace hakit::lab
