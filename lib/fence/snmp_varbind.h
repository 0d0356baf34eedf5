// One variable binding of an SNMP response, as net-snmp's decoder hands it over, read into
// the session's types. Apart from the session so that a fuzzer can feed it what any PDU on
// the wire decodes to.
#pragma once

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

#include "fence/snmp_session.h"

namespace hakit::fence::snmp {

/// The value, by its ASN.1 type; kOther for a type the devices never use.
Value value_of(const netsnmp_variable_list& variable);
/// The variable's OID.
Oid oid_of(const netsnmp_variable_list& variable);

}  // namespace hakit::fence::snmp
