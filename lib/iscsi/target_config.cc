#include "iscsi/target_config.h"

#include "iscsi/checked_integer.h"
#include "iscsi/iscsi_name.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr int kMaxTid = 0x7fffffff;
constexpr int kMaxPort = 65535;

}  // namespace

TargetConfig read_target_config(const ocf::Parameters& params) {
  TargetConfig config;
  config.implementation = choose_implementation(params);
  config.iqn = params.str("iqn");
  require_iscsi_name(config.iqn, "iqn");
  config.tid = integer_in_range(params, "tid", 1, kMaxTid);
  config.portals = parse_portals(params.str("portals"), "portals");
  config.portals_set = params.is_set("portals");
  config.iser_portals = split(params.str("iser_portals"));
  config.allowed_initiators = split(params.str("allowed_initiators"));
  config.incoming_username = params.str("incoming_username");
  config.incoming_password = params.str("incoming_password");
  if (config.incoming_username.empty() != config.incoming_password.empty()) {
    throw Error(ExitCode::kErrConfigured,
                "incoming_username and incoming_password must be set together (CHAP needs both)");
  }
  if (config.incoming_username.find_first_of(" \t,=") != std::string::npos) {
    throw Error(ExitCode::kErrConfigured, "incoming_username must not contain blanks, ',' or '='");
  }
  if (config.incoming_password.find_first_of("\n,") != std::string::npos) {
    throw Error(ExitCode::kErrConfigured, "incoming_password must not contain ',' or a newline");
  }
  config.additional_parameters =
      parse_name_values(params.str("additional_parameters"), "additional_parameters");
  config.tgt_control_port = integer_in_range(params, "tgt_control_port", 0, kMaxPort).value_or(0);
  return config;
}

void warn_about_ignored_parameters(const TargetConfig& config) {
  const auto ignored = [&](std::string_view parameter) {
    ocf::log_warning(cat("parameter ", parameter, " is not supported by the ",
                         implementation_name(config.implementation),
                         " implementation and is ignored"));
  };
  const bool lio = config.implementation == Implementation::kLio ||
                   config.implementation == Implementation::kLioT;
  if (!lio && config.portals_set) ignored("portals");
  if (config.implementation != Implementation::kLioT && !config.iser_portals.empty()) {
    ignored("iser_portals");
  }
  if (lio && config.tid) ignored("tid");
}

}  // namespace hakit::iscsi
