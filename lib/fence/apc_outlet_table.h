// APC PowerNet-MIB's outlet tables: where a PDU keeps its outlets' names and states and
// where it takes commands. Which one a PDU serves follows from its sysObjectID, as
// fence_apc_snmp decides it:
//   rPDU           Switched Rack PDUs (sysObjectID .1.3.6.1.4.1.318.1.3.4.5):
//                  rPDUOutletStatusTable for names and states, rPDUOutletControlTable
//                  for commands;
//   MasterSwitch   every other APC device (the fallback, served by all of them):
//                  sPDUOutletControlTable, whose sPDUOutletCtl column is read for the
//                  state and written for commands;
//   MasterSwitch6  MasterSwitch with v6 firmware (.1.3.6.1.4.1.318.1.3.4.6): sPDU names
//                  and states, rPDU commands.
// Every table reads 1 for on and 2 for off, and takes 1 to switch on and 2 to switch off.
#pragma once

#include <optional>
#include <string_view>

#include "fence/device.h"
#include "fence/snmp_oid.h"

namespace hakit::fence::apc {

struct OutletTable {
  std::string_view name;  ///< "rPDU": for messages
  snmp::Oid names;        ///< column of outlet names; the row index is the outlet number
  snmp::Oid states;       ///< column of power states
  snmp::Oid commands;     ///< writable column of power commands
};

/// The sysObjectID scalar (.1.3.6.1.2.1.1.2.0).
const snmp::Oid& sys_object_id();

/// The table a PDU with this sysObjectID serves.
const OutletTable& table_for(const snmp::Oid& sys_object_id);

/// The table the `outlet_table` option names: "rpdu" or "spdu" (MasterSwitch); nullopt for
/// "auto" or empty (chosen by sysObjectID). Throws Error(kBadConfig) for anything else.
std::optional<OutletTable> table_named(std::string_view option_value);

inline constexpr long kCommandOn = 1;
inline constexpr long kCommandOff = 2;

/// The state a states-column value stands for; nullopt for anything but a settled on or off
/// (MasterSwitch's "rebooting", "unknown", "on with delay", ...).
std::optional<PowerState> decode_state(long long value);

}  // namespace hakit::fence::apc
