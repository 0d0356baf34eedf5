// The real outputs of DRBD's tools that the guest tier captured (tests/guest/captures/), for
// the DRBD unit tests.
#pragma once

#include <stdexcept>
#include <string>

#include "util/strings.h"

namespace hakit::storage::testing {

/// tests/guest/captures/RELATIVE_PATH, e.g. "drbd-8.4.11/guest1/primary-connected.events2".
inline std::string drbd_capture(const std::string& relative_path) {
  std::string contents;
  const std::string path = std::string(HAKIT_DRBD_CAPTURES) + "/" + relative_path;
  if (!read_file(path, contents)) throw std::runtime_error("cannot read capture " + path);
  return contents;
}

}  // namespace hakit::storage::testing
