// Messages of libvirt's RPC protocol (libvirt's src/rpc/virnetprotocol.x and
// src/remote/remote_protocol.x): a length word, a header, then the procedure's arguments, its
// result or an error, all in XDR. Only what the monitor's three questions need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hakit::virt {

inline constexpr uint32_t kRemoteProgram = 0x20008086;
inline constexpr uint32_t kRemoteProtocolVersion = 1;
/// Replies larger than this are not ones the monitor's calls get (libvirt's own limit: 16 MiB).
inline constexpr uint32_t kMaxRemoteMessage = 1 << 20;
inline constexpr size_t kRemoteStringMax = 4194304;  // REMOTE_STRING_MAX
/// The length word before every message, which counts itself.
inline constexpr size_t kRemoteLengthSize = 4;
/// program, version, procedure, type, serial, status: six XDR words.
inline constexpr size_t kRemoteHeaderSize = 24;

enum class RemoteProcedure : int32_t {
  kConnectOpen = 1,
  kDomainLookupByName = 23,
  kAuthList = 66,
  kDomainGetState = 212,
};

/// A whole call message, length word included.
std::string encode_call(RemoteProcedure procedure, uint32_t serial, std::string_view arguments);

struct RemoteMessage {
  enum class Type : uint32_t { kCall = 0, kReply = 1, kEvent = 2, kStream = 3 };
  uint32_t program = 0;
  uint32_t version = 0;
  int32_t procedure = 0;
  Type type = Type::kCall;
  uint32_t serial = 0;
  bool failed = false;  ///< status VIR_NET_ERROR: `body` is a RemoteError
  std::string body;

  /// The reply to call `call_serial` of `call` (not an event or another program's message).
  bool answers(RemoteProcedure call, uint32_t call_serial) const;
};

/// Decodes a message that follows its length word. Throws XdrError.
RemoteMessage decode_message(std::string_view bytes);

/// The parts of libvirt's error a caller decides on (virterror.h's code) or shows.
struct RemoteError {
  int32_t code = 0;
  std::string message;
};
/// Decodes a failed reply's body. Throws XdrError.
RemoteError decode_error(std::string_view body);

}  // namespace hakit::virt
