// Parses `drbdsetup events2 --now RESOURCE`: one "exists OBJECT key:value..." line per
// resource, connection, device and peer-device, then "exists -". DRBD 9 and the 8.4 module
// (drbdsetup-84, 8.4.7 and later) both print it; 8.4 leaves out the peer-node-id and the
// DRBD 9 only fields (client, quorum, conn-name).
#pragma once

#include <string_view>

#include "storage/drbd_state.h"

namespace hakit::storage {

/// The state of `resource` in `output`; role "Unconfigured" when the output does not list it.
DrbdResourceState parse_events2(std::string_view output, std::string_view resource);

}  // namespace hakit::storage
