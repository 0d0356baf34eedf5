// SNMP object identifiers as numbers, without net-snmp's MIB machinery (no MIB files are
// loaded, so every OID the agents use is numeric: ".1.3.6.1.4.1.318.1.1.12.3.5.1.1.4").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::fence::snmp {

/// One sub-identifier per element; the same layout as net-snmp's `oid` array.
using Oid = std::vector<unsigned long>;

/// ".1.3.6.1" or "1.3.6.1" -> {1, 3, 6, 1}. Throws Error(kBadConfig) naming `what` (the
/// option it came from) when the text is not a dotted list of at least two numbers.
Oid parse_oid(std::string_view text, std::string_view what);

/// {1, 3, 6, 1} -> ".1.3.6.1"
std::string to_string(const Oid& oid);

/// `column` with `index` appended: a table cell (".1.3...4" + 7 -> ".1.3...4.7").
Oid cell(const Oid& column, unsigned long index);

/// Whether `oid` lies strictly below `subtree` (a cell of that column, for example).
bool is_below(const Oid& oid, const Oid& subtree);

}  // namespace hakit::fence::snmp
