#include "iscsi/lio_target.h"

#include "iscsi/targetcli.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::iscsi {

std::string lio_portal_name(const Portal& portal) {
  const bool v6 = portal.address.find(':') != std::string::npos;
  return v6 ? cat("[", portal.address, "]:", portal.port) : cat(portal.address, ":", portal.port);
}

std::vector<std::string> lio_target_commands(const TargetConfig& config, const LioConfigfs& now) {
  const std::string tpg = cat("/iscsi/", config.iqn, "/tpg1");
  std::vector<std::string> commands = {"set global auto_add_default_portal=false"};
  if (!now.target_enabled(config.iqn)) commands.push_back(cat("/iscsi create ", config.iqn));
  for (const Portal& portal : config.portals) {
    if (now.has_portal(config.iqn, lio_portal_name(portal))) continue;
    commands.push_back(cat(tpg, "/portals create ", portal.address, " ", portal.port));
  }
  for (const Portal& portal : parse_portals(join(config.iser_portals, " "), "iser_portals")) {
    commands.push_back(cat(tpg, "/portals/", lio_portal_name(portal), " enable_iser true"));
  }
  for (const NameValue& parameter : config.additional_parameters) {
    commands.push_back(cat(tpg, " set parameter ", parameter.name, "=", parameter.value));
  }
  const bool chap = !config.incoming_username.empty();
  const std::string auth =
      cat(" set auth userid=", config.incoming_username, " password=", config.incoming_password);
  if (config.allowed_initiators.empty()) {
    // Open to every initiator, read-write, as the other implementations are.
    commands.push_back(cat(tpg, " set attribute authentication=", chap ? 1 : 0,
                           " demo_mode_write_protect=0 generate_node_acls=1 cache_dynamic_acls=1"));
    if (chap) commands.push_back(tpg + auth);
  } else {
    commands.push_back(
        cat(tpg, " set attribute authentication=", chap ? 1 : 0, " generate_node_acls=0"));
    for (const std::string& initiator : config.allowed_initiators) {
      commands.push_back(cat(tpg, "/acls create ", initiator));
      if (chap) commands.push_back(cat(tpg, "/acls/", initiator, auth));
    }
  }
  commands.push_back(tpg + " enable");
  return commands;
}

LioTargetDriver::LioTargetDriver(const TargetConfig& config, const exec::Deadline& deadline,
                                 LioConfigfs configfs)
    : config_(config), deadline_(deadline), configfs_(std::move(configfs)) {}

bool LioTargetDriver::running() { return configfs_.target_enabled(config_.iqn); }

void LioTargetDriver::start() {
  run_targetcli(lio_target_commands(config_, configfs_), cat("creating target ", config_.iqn),
                deadline_, {config_.incoming_password});
  for (const Portal& portal : config_.portals) {
    if (!configfs_.has_portal(config_.iqn, lio_portal_name(portal))) {
      throw ocf::Error(ocf::ExitCode::kErrGeneric,
                       cat("target ", config_.iqn, " has no portal ", lio_portal_name(portal),
                           " after targetcli created it"));
    }
  }
  ocf::log_info(cat("created target ", config_.iqn));
}

void LioTargetDriver::stop() {
  // Deleting the target drops its sessions, portals, ACLs and LUN links with it.
  run_targetcli({cat("/iscsi delete ", config_.iqn)}, cat("deleting target ", config_.iqn),
                deadline_);
  ocf::log_info(cat("deleted target ", config_.iqn));
}

}  // namespace hakit::iscsi
