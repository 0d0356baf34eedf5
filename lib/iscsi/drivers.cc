#include "iscsi/drivers.h"

#include "iscsi/tgt_logical_unit.h"
#include "iscsi/tgt_target.h"
#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {

std::unique_ptr<TargetDriver> make_target_driver(const TargetConfig& config,
                                                 const exec::Deadline& deadline) {
  switch (config.implementation) {
    case Implementation::kTgt:
      return std::make_unique<TgtTargetDriver>(config, deadline);
    default:
      break;
  }
  throw ocf::Error(ocf::ExitCode::kErrUnimplemented, "not yet");
}

std::unique_ptr<LogicalUnitDriver> make_logical_unit_driver(const LogicalUnitConfig& config,
                                                            const exec::Deadline& deadline) {
  switch (config.implementation) {
    case Implementation::kTgt:
      return std::make_unique<TgtLogicalUnitDriver>(config, deadline);
    default:
      break;
  }
  throw ocf::Error(ocf::ExitCode::kErrUnimplemented, "not yet");
}

}  // namespace hakit::iscsi
