// ocf:hakit:Filesystem: mounts a filesystem on start, unmounts it on stop (signalling
// exactly the processes that hold it), and monitors it at depths 0, 10 and 20.
// Parameters and behaviour follow ocf:heartbeat:Filesystem; see metadata/Filesystem.xml.
#pragma once

#include "ocf/agent.h"

namespace hakit::storage {

class FilesystemAgent : public ocf::Agent {
 public:
  /// Parameter syntax; at OCF_CHECK_LEVEL 10, validate-all also checks that this node
  /// supports the filesystem type and has the device.
  void validate(const ocf::Context& ctx) override;
  ocf::ExitCode start(const ocf::Context& ctx) override;
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// Depth 0 reads mountinfo only (no process, no access to the filesystem).
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
};

}  // namespace hakit::storage
