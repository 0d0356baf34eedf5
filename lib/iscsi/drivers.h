// What an iSCSI implementation does for the two agents. The agents decide when (start is
// a no-op on a running resource, stop on a stopped one) and verify afterwards; a driver
// does one implementation's work and throws ocf::Error with what went wrong.
#pragma once

#include <memory>
#include <string>

#include "exec/deadline.h"
#include "iscsi/logical_unit_config.h"
#include "iscsi/target_config.h"

namespace hakit::iscsi {

class TargetDriver {
 public:
  virtual ~TargetDriver() = default;
  /// Whether the target exists (and, where the implementation has the notion, is enabled).
  virtual bool running() = 0;
  virtual void start() = 0;
  /// Removes the target, closing the sessions of initiators still logged in.
  virtual void stop() = 0;
};

struct LogicalUnitStatus {
  enum class State {
    kStopped,
    kRunning,  ///< the LUN exists on the target, backed by our path
    kTaken,    ///< the LUN exists, backed by something else: not ours to touch
  };
  State state = State::kStopped;
  std::string detail;  ///< for kTaken: what holds the LUN
};

class LogicalUnitDriver {
 public:
  virtual ~LogicalUnitDriver() = default;
  virtual LogicalUnitStatus status() = 0;
  virtual void start() = 0;
  virtual void stop() = 0;
};

std::unique_ptr<TargetDriver> make_target_driver(const TargetConfig& config,
                                                 const exec::Deadline& deadline);
std::unique_ptr<LogicalUnitDriver> make_logical_unit_driver(const LogicalUnitConfig& config,
                                                            const exec::Deadline& deadline);

}  // namespace hakit::iscsi
