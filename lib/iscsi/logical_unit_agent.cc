#include "iscsi/logical_unit_agent.h"

#include "iscsi/drivers.h"
#include "iscsi/logical_unit_config.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::iscsi {

using ocf::Error;
using ocf::ExitCode;
using State = LogicalUnitStatus::State;

void LogicalUnitAgent::validate(const ocf::Context& ctx) {
  const LogicalUnitConfig config = read_logical_unit_config(ctx.params, ctx.env);
  warn_about_ignored_parameters(config, ctx.params);
  require_management_programs(config.implementation);
}

ExitCode LogicalUnitAgent::start(const ocf::Context& ctx) {
  const LogicalUnitConfig config = read_logical_unit_config(ctx.params, ctx.env);
  require_backing_store(config);
  const auto driver = make_logical_unit_driver(config, ctx.deadline);
  const LogicalUnitStatus before = driver->status();
  if (before.state == State::kRunning) return ExitCode::kSuccess;
  if (before.state == State::kTaken) throw Error(ExitCode::kErrGeneric, before.detail);
  driver->start();
  const LogicalUnitStatus after = driver->status();
  if (after.state != State::kRunning) {
    throw Error(ExitCode::kErrGeneric,
                after.detail.empty() ? cat("LUN ", config.lun, " of target ", config.target_iqn,
                                           " is not there after it was added")
                                     : after.detail);
  }
  return ExitCode::kSuccess;
}

ExitCode LogicalUnitAgent::stop(const ocf::Context& ctx) {
  const LogicalUnitConfig config = read_logical_unit_config(ctx.params, ctx.env);
  const auto driver = make_logical_unit_driver(config, ctx.deadline);
  const LogicalUnitStatus before = driver->status();
  if (before.state == State::kTaken) ocf::log_warning(cat(before.detail, ": left alone"));
  if (before.state != State::kRunning) return ExitCode::kSuccess;
  driver->stop();
  if (driver->status().state == State::kRunning) {
    throw Error(ExitCode::kErrGeneric, cat("LUN ", config.lun, " of target ", config.target_iqn,
                                           " is still there after it was deleted"));
  }
  return ExitCode::kSuccess;
}

ExitCode LogicalUnitAgent::monitor(const ocf::Context& ctx) {
  const LogicalUnitConfig config = read_logical_unit_config(ctx.params, ctx.env);
  const LogicalUnitStatus status = make_logical_unit_driver(config, ctx.deadline)->status();
  if (status.state == State::kTaken) ocf::log_warning(status.detail);
  return status.state == State::kRunning ? ExitCode::kSuccess : ExitCode::kNotRunning;
}

}  // namespace hakit::iscsi
