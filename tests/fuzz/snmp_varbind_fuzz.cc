// SNMP responses from the PDU (or anything answering on its address): the PDU as it comes
// off the wire after the community header (captured from the lab's snmpd), decoded by
// net-snmp, then every variable binding read as rackpdu reads it.
#include <vector>

#include "fence/apc_outlet_table.h"
#include "fence/snmp_oid.h"
#include "fence/snmp_varbind.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<u_char> bytes(data, data + size);  // net-snmp's decoder takes a mutable buffer
  size_t length = bytes.size();
  netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_RESPONSE);
  if (snmp_pdu_parse(pdu, bytes.data(), &length) == 0) {
    for (const netsnmp_variable_list* v = pdu->variables; v != nullptr; v = v->next_variable) {
      const auto oid = hakit::fence::snmp::oid_of(*v);
      const auto value = hakit::fence::snmp::value_of(*v);
      hakit::fence::snmp::to_string(oid);
      if (value.type == hakit::fence::snmp::Value::Type::kInteger) {
        hakit::fence::apc::decode_state(value.integer);
      }
      if (value.type == hakit::fence::snmp::Value::Type::kOid) {
        hakit::fence::apc::table_for(value.object);
      }
    }
  }
  snmp_free_pdu(pdu);
  return 0;
}
