// cluster-glue's meatware protocol, shared by the meatware device and hakit-meatclient so
// that either side interoperates with cluster-glue's: the device waits on the FIFO
// /run/meatware.<node> (node name lowercased, as cluster-glue's meatclient lowercases
// what it is given) and the operator's client writes "meatware reply <node>" into it,
// NUL-padded to 256 bytes.
#pragma once

#include <string>
#include <string_view>

namespace hakit::fence {

inline constexpr std::string_view kMeatwareDirectory = "/run";
inline constexpr size_t kMeatwareMessageSize = 256;

/// The FIFO for `node`. Throws Error(kUnknownTarget) for a name that cannot be a file name
/// (empty, ".", "..", or containing '/').
std::string meatware_fifo_path(std::string_view node,
                               std::string_view directory = kMeatwareDirectory);

/// What the client writes: "meatware reply <node>", padded to kMeatwareMessageSize.
std::string meatware_reply(std::string_view node);

/// Whether `message` (as read from the FIFO, padding and all) confirms `node`; names
/// compare without regard to case.
bool confirms(std::string_view message, std::string_view node);

}  // namespace hakit::fence
