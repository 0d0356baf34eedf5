#include "fence/apc_outlet_table.h"

#include "fence/error.h"
#include "util/strings.h"

namespace hakit::fence::apc {
namespace {

const snmp::Oid kApcProducts{1, 3, 6, 1, 4, 1, 318, 1, 3, 4};
const snmp::Oid kRackPduProduct = snmp::cell(kApcProducts, 5);
const snmp::Oid kMasterSwitch6Product = snmp::cell(kApcProducts, 6);

// PowerNet-MIB columns.
const snmp::Oid kSpduOutletCtl{1, 3, 6, 1, 4, 1, 318, 1, 1, 4, 4, 2, 1, 3};
const snmp::Oid kSpduOutletName{1, 3, 6, 1, 4, 1, 318, 1, 1, 4, 4, 2, 1, 4};
const snmp::Oid kRpduOutletControlCommand{1, 3, 6, 1, 4, 1, 318, 1, 1, 12, 3, 3, 1, 1, 4};
const snmp::Oid kRpduOutletStatusName{1, 3, 6, 1, 4, 1, 318, 1, 1, 12, 3, 5, 1, 1, 2};
const snmp::Oid kRpduOutletStatusState{1, 3, 6, 1, 4, 1, 318, 1, 1, 12, 3, 5, 1, 1, 4};

const OutletTable kRackPdu{"rPDU", kRpduOutletStatusName, kRpduOutletStatusState,
                           kRpduOutletControlCommand};
const OutletTable kMasterSwitch{"MasterSwitch", kSpduOutletName, kSpduOutletCtl, kSpduOutletCtl};
const OutletTable kMasterSwitch6{"MasterSwitch v6", kSpduOutletName, kSpduOutletCtl,
                                 kRpduOutletControlCommand};

}  // namespace

const snmp::Oid& sys_object_id() {
  static const snmp::Oid oid{1, 3, 6, 1, 2, 1, 1, 2, 0};
  return oid;
}

const OutletTable& table_for(const snmp::Oid& sys_object_id) {
  if (sys_object_id == kRackPduProduct) return kRackPdu;
  if (sys_object_id == kMasterSwitch6Product) return kMasterSwitch6;
  return kMasterSwitch;
}

std::optional<OutletTable> table_named(std::string_view option_value) {
  const std::string name = to_lower(trim(option_value));
  if (name.empty() || name == "auto") return std::nullopt;
  if (name == "rpdu") return kRackPdu;
  if (name == "spdu") return kMasterSwitch;
  throw Error(ErrorKind::kBadConfig,
              cat("outlet_table must be auto, rpdu or spdu, not '", option_value, "'"));
}

std::optional<PowerState> decode_state(long long value) {
  if (value == 1) return PowerState::kOn;
  if (value == 2) return PowerState::kOff;
  return std::nullopt;
}

}  // namespace hakit::fence::apc
