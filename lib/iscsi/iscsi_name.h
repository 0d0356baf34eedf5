// iSCSI names (RFC 3720 3.2.6): "iqn.yyyy-mm.reversed.domain[:anything]", "eui." + 16
// hex digits, "naa." + 16 or 32 hex digits; letters, digits, '-', '.' and ':' only, at
// most 223 bytes. Names compare case-insensitively (RFC 3722 folds them to lower case).
#pragma once

#include <string>
#include <string_view>

namespace hakit::iscsi {

/// Why `name` is not a valid iSCSI name, or "" when it is.
std::string iscsi_name_problem(std::string_view name);

/// Whether `text` is written as an iSCSI name (starts with iqn., eui. or naa.), as opposed
/// to an address: how an allowed_initiators entry is told apart.
bool looks_like_iscsi_name(std::string_view text);

/// Whether `a` and `b` are the same iSCSI name (compared case-insensitively).
bool same_iscsi_name(std::string_view a, std::string_view b);

/// Throws Error(kErrConfigured) saying what is wrong with `name`, the value of `parameter`.
void require_iscsi_name(std::string_view name, std::string_view parameter);

}  // namespace hakit::iscsi
