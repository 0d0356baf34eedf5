// The files a lab cluster starts from (LAB.md §1).
#pragma once

#include <string>
#include <vector>

namespace hakit::lab {

struct CorosyncNode {
  std::string name;
  std::string address;  ///< ring0_addr
};

/// corosync.conf for a knet cluster of `nodes`, node IDs 1, 2, ... in order: by default the
/// one-node cluster on 127.0.0.1 whose node is "node1". Two nodes keep quorum alone
/// (two_node); more need a majority.
std::string corosync_config(const std::vector<CorosyncNode>& nodes = {{"node1", "127.0.0.1"}});

/// A CIB with stonith disabled, quorum ignored and dc-deadtime=2s: with it Pacemaker
/// elects itself DC in seconds instead of waiting 20 s.
std::string seed_cib();

}  // namespace hakit::lab
