// A target in tgtd, driven with tgtadm.
#pragma once

#include "iscsi/drivers.h"
#include "iscsi/tgtadm.h"

namespace hakit::iscsi {

class TgtTargetDriver : public TargetDriver {
 public:
  TgtTargetDriver(const TargetConfig& config, const exec::Deadline& deadline);
  /// The target exists in tgtd (false when tgtd is not running: its targets are gone).
  bool running() override;
  /// Creates the target with the configured tid (or the next free one), its parameters,
  /// its ACL (every initiator when allowed_initiators is empty, as documented) and its
  /// CHAP account. Throws when tgtd is not running or the tid belongs to another target.
  void start() override;
  void stop() override;

 private:
  int choose_tid(const std::vector<TgtTarget>& targets) const;
  const TargetConfig& config_;
  exec::Deadline deadline_;
  Tgtadm tgtadm_;
};

}  // namespace hakit::iscsi
