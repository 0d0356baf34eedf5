#include "iscsi/target_agent.h"

#include "iscsi/drivers.h"
#include "iscsi/target_config.h"
#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {

using ocf::Error;
using ocf::ExitCode;

void TargetAgent::validate(const ocf::Context& ctx) {
  const TargetConfig config = read_target_config(ctx.params);
  warn_about_ignored_parameters(config);
  require_management_programs(config.implementation);
}

ExitCode TargetAgent::start(const ocf::Context& ctx) {
  const TargetConfig config = read_target_config(ctx.params);
  const auto driver = make_target_driver(config, ctx.deadline);
  if (driver->running()) return ExitCode::kSuccess;
  driver->start();
  if (!driver->running()) {
    throw Error(ExitCode::kErrGeneric,
                cat("target ", config.iqn, " is not there after it was created"));
  }
  return ExitCode::kSuccess;
}

ExitCode TargetAgent::stop(const ocf::Context& ctx) {
  const TargetConfig config = read_target_config(ctx.params);
  const auto driver = make_target_driver(config, ctx.deadline);
  if (!driver->running()) return ExitCode::kSuccess;
  driver->stop();
  if (driver->running()) {
    throw Error(ExitCode::kErrGeneric,
                cat("target ", config.iqn, " is still there after it was deleted"));
  }
  return ExitCode::kSuccess;
}

ExitCode TargetAgent::monitor(const ocf::Context& ctx) {
  const TargetConfig config = read_target_config(ctx.params);
  return make_target_driver(config, ctx.deadline)->running() ? ExitCode::kSuccess
                                                             : ExitCode::kNotRunning;
}

}  // namespace hakit::iscsi
