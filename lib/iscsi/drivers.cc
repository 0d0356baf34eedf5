#include "iscsi/drivers.h"

#include "iscsi/iet.h"
#include "iscsi/lio_logical_unit.h"
#include "iscsi/lio_target.h"
#include "iscsi/tgt_logical_unit.h"
#include "iscsi/tgt_target.h"
#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {

namespace {

[[noreturn]] void lio_utils_unsupported() {
  // lio-utils left the distributions in 2013; its lio_node and tcm_node configure the same
  // LIO that targetcli does.
  throw ocf::Error(ocf::ExitCode::kErrInstalled,
                   "implementation lio (lio-utils' lio_node and tcm_node) is not supported: "
                   "set implementation=lio-t to manage LIO with targetcli");
}

}  // namespace

std::unique_ptr<TargetDriver> make_target_driver(const TargetConfig& config,
                                                 const exec::Deadline& deadline) {
  switch (config.implementation) {
    case Implementation::kTgt:
      return std::make_unique<TgtTargetDriver>(config, deadline);
    case Implementation::kLioT:
      return std::make_unique<LioTargetDriver>(config, deadline);
    case Implementation::kIet:
      return std::make_unique<IetTargetDriver>(config, deadline);
    case Implementation::kLio:
      break;
  }
  lio_utils_unsupported();
}

std::unique_ptr<LogicalUnitDriver> make_logical_unit_driver(const LogicalUnitConfig& config,
                                                            const exec::Deadline& deadline) {
  switch (config.implementation) {
    case Implementation::kTgt:
      return std::make_unique<TgtLogicalUnitDriver>(config, deadline);
    case Implementation::kLioT:
      return std::make_unique<LioLogicalUnitDriver>(config, deadline);
    case Implementation::kIet:
      return std::make_unique<IetLogicalUnitDriver>(config, deadline);
    case Implementation::kLio:
      break;
  }
  lio_utils_unsupported();
}

}  // namespace hakit::iscsi
