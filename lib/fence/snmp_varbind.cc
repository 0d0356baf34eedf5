#include "fence/snmp_varbind.h"

namespace hakit::fence::snmp {

Value value_of(const netsnmp_variable_list& variable) {
  Value value;
  switch (variable.type) {
    case ASN_INTEGER:
    case ASN_GAUGE:
    case ASN_COUNTER:
    case ASN_TIMETICKS:
    case ASN_UINTEGER:
      value.type = Value::Type::kInteger;
      value.integer = *variable.val.integer;
      break;
    case ASN_OCTET_STR:
      value.type = Value::Type::kString;
      value.text.assign(reinterpret_cast<const char*>(variable.val.string), variable.val_len);
      break;
    case ASN_OBJECT_ID:
      value.type = Value::Type::kOid;
      value.object.assign(variable.val.objid, variable.val.objid + variable.val_len / sizeof(oid));
      break;
    case SNMP_NOSUCHOBJECT:
    case SNMP_NOSUCHINSTANCE:
    case SNMP_ENDOFMIBVIEW:
      value.type = Value::Type::kMissing;
      break;
    default:
      value.type = Value::Type::kOther;
  }
  return value;
}

Oid oid_of(const netsnmp_variable_list& variable) {
  return Oid(variable.name, variable.name + variable.name_length);
}

}  // namespace hakit::fence::snmp
