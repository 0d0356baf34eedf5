// ocf:hakit:drbd: a DRBD resource as a promotable clone, with every parameter and behaviour
// of ocf:linbit:drbd (see metadata/drbd.xml): start brings the resource up (attach, then
// connect), promote/demote switch Primary/Secondary, monitor reports the role and sets the
// promotion score, notify adjusts the connection and re-scores, stop takes it down, and a
// stop whose configuration does not validate still tries drbdsetup down (no fencing for a
// typo).
#pragma once

#include <memory>

#include "ocf/agent.h"

namespace hakit::storage {

struct DrbdSetup;

class DrbdAgent : public ocf::Agent {
 public:
  DrbdAgent();
  ~DrbdAgent() override;

  /// Everything ocf:linbit:drbd validates: tools, module version and requirements, the clone
  /// meta attributes, the configuration file and the resource in it, allow-two-primaries for
  /// promoted-max=2, notify=true.
  void validate(const ocf::Context& ctx) override;
  ocf::ExitCode start(const ocf::Context& ctx) override;
  ocf::ExitCode stop(const ocf::Context& ctx) override;
  /// While the resource runs: DRBD 8.4's /proc/drbd (no process; drbdsetup events2 when
  /// its minors are not known yet, and with DRBD 9) and one crm_attribute.
  ocf::ExitCode monitor(const ocf::Context& ctx) override;
  ocf::ExitCode promote(const ocf::Context& ctx) override;
  ocf::ExitCode demote(const ocf::Context& ctx) override;
  ocf::ExitCode notify(const ocf::Context& ctx) override;
  ocf::ExitCode reload(const ocf::Context& ctx) override;

 private:
  std::unique_ptr<DrbdSetup> validated_;  ///< from validate(), which the dispatcher runs first
};

}  // namespace hakit::storage
