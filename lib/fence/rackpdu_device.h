// An APC PDU over SNMP (fence_hakit_rackpdu, external/hakit-rackpdu): each target is one or
// more outlets, switched through PowerNet-MIB (apc_outlet_table.h) and read back from it.
//
// A plug is an outlet number ("7") or a node name, which names the outlets with exactly
// that name (outlet_map.h): from the outlet_config file when one is set, else from the
// PDU's names column. A node fed by several outlets is on while any of them is, off once all
// are; all are switched together, in one SNMP request.
//
// Options beyond the SNMP ones (snmp_options.h): outlet_table (auto by sysObjectID, rpdu,
// spdu), cluster-glue rackpdu's oid and names_oid (they replace the table's command and
// names columns), outlet_config, and hostlist: AUTO (the default) lists the outlets (from
// outlet_config, else from the PDU); anything else is the list itself, as the plugin had it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fence/apc_outlet_table.h"
#include "fence/device.h"
#include "fence/options.h"
#include "fence/outlet_map.h"
#include "fence/snmp_session.h"

namespace hakit::fence {

class RackPdu final : public Device {
 public:
  /// Checks every option (Error(kBadConfig)); contacts nothing but a password script.
  explicit RackPdu(const Options& options);

  Capabilities capabilities() const override;
  std::vector<Plug> list(const exec::Deadline& deadline) override;
  std::vector<Plug> list_status(const exec::Deadline& deadline) override;
  PowerState status(const std::string& plug, const exec::Deadline& deadline) override;
  void power_on(const std::string& plug, const exec::Deadline& deadline) override;
  void power_off(const std::string& plug, const exec::Deadline& deadline) override;
  /// Reads sysObjectID: the PDU answers to these credentials.
  void check(const exec::Deadline& deadline) override;

 private:
  snmp::Session& session(const exec::Deadline& deadline);
  const apc::OutletTable& table(const exec::Deadline& deadline);
  /// The PDU's outlets, from its names column.
  std::vector<Outlet> walk_outlets(const exec::Deadline& deadline);
  /// The outlets `plug` stands for (never empty: Error(kUnknownTarget) instead).
  const std::vector<unsigned long>& outlets_of(const std::string& plug,
                                               const exec::Deadline& deadline);
  void command(const std::string& plug, long command, const exec::Deadline& deadline);

  snmp::SessionConfig config_;
  std::optional<std::vector<std::string>> hostlist_;  ///< unset: AUTO
  std::optional<std::vector<Outlet>> outlet_config_;
  std::optional<apc::OutletTable> forced_table_;
  std::optional<snmp::Oid> names_oid_;
  std::optional<snmp::Oid> command_oid_;

  std::optional<snmp::Session> session_;
  std::optional<apc::OutletTable> table_;
  std::map<std::string, std::vector<unsigned long>> resolved_;
};

}  // namespace hakit::fence
