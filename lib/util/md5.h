// MD5 (RFC 1321), for identifiers that must match what shell agents derived with md5sum
// (never for security).
#pragma once

#include <string>
#include <string_view>

namespace hakit {

/// The digest of `data` as 32 lowercase hex digits, as md5sum prints it.
std::string md5_hex(std::string_view data);

}  // namespace hakit
