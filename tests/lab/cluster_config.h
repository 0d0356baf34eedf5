// The files a lab cluster starts from (LAB.md §1).
#pragma once

#include <string>

namespace hakit::lab {

/// corosync.conf for a one-node knet cluster on 127.0.0.1 whose node is "node1".
std::string corosync_config();

/// A CIB with stonith disabled, quorum ignored and dc-deadtime=2s: with it Pacemaker
/// elects itself DC in seconds instead of waiting 20 s.
std::string seed_cib();

}  // namespace hakit::lab
