// The error `hakit` reports about its own use: an unknown agent, a malformed -p, a
// missing schema. Agent failures are results, never this.
#pragma once

#include <stdexcept>

namespace hakit::cli {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace hakit::cli
