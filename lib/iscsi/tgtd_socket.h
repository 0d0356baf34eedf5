// Monitor's fast path to tgtd: the one read-only request `tgtadm --lld iscsi --mode target
// --op show` makes, sent over tgtd's control socket directly, so that a monitor starts no
// process. Changes always go through tgtadm; when the exchange does not look like the
// protocol this speaks (another tgt version), the caller falls back to tgtadm as well.
#pragma once

#include <string>

#include "exec/deadline.h"

namespace hakit::iscsi {

struct TgtdAnswer {
  enum class Outcome {
    kAnswered,    ///< `text` is what tgtadm would have printed
    kNotRunning,  ///< no tgtd listens on the control socket
    kNoAnswer,    ///< the deadline passed before tgtd's answer was in (sent or not)
    kUnsupported  ///< something else: ask tgtadm
  };
  Outcome outcome = Outcome::kUnsupported;
  std::string text;
};

/// "/var/run/tgtd/socket.<port>", where tgtd (-C port) listens.
std::string tgtd_socket_path(int control_port);

/// Sends the target listing request to the tgtd on `control_port` and reads its answer,
/// giving up at `deadline`.
TgtdAnswer show_targets_over_socket(int control_port, const exec::Deadline& deadline);

}  // namespace hakit::iscsi
