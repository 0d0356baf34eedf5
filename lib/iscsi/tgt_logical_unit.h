// A logical unit of a tgtd target, driven with tgtadm.
#pragma once

#include "iscsi/drivers.h"
#include "iscsi/tgtadm.h"

namespace hakit::iscsi {

class TgtLogicalUnitDriver : public LogicalUnitDriver {
 public:
  TgtLogicalUnitDriver(const LogicalUnitConfig& config, const exec::Deadline& deadline);
  /// Running when the target has the LUN, backed by our path.
  LogicalUnitStatus status() override;
  /// Adds the LUN to the (running) target, then sets its SCSI identity.
  void start() override;
  /// Deletes the LUN, retrying while tgtd still reports it busy, until the deadline.
  void stop() override;

 private:
  /// The target's tid; throws when tgtd or the target is not there.
  int target_tid() const;
  const LogicalUnitConfig& config_;
  exec::Deadline deadline_;
  Tgtadm tgtadm_;
};

}  // namespace hakit::iscsi
