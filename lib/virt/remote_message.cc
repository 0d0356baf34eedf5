#include "virt/remote_message.h"

#include "virt/xdr.h"

namespace hakit::virt {
namespace {

constexpr uint32_t kStatusOk = 0;
constexpr uint32_t kStatusError = 1;

}  // namespace

std::string encode_call(RemoteProcedure procedure, uint32_t serial, std::string_view arguments) {
  XdrWriter message;
  message.u32(0);  // the length, once known
  message.u32(kRemoteProgram);
  message.u32(kRemoteProtocolVersion);
  message.i32(static_cast<int32_t>(procedure));
  message.u32(static_cast<uint32_t>(RemoteMessage::Type::kCall));
  message.u32(serial);
  message.u32(kStatusOk);
  message.fixed_opaque(arguments);
  message.patch_u32(0, static_cast<uint32_t>(message.bytes().size()));
  return message.bytes();
}

bool RemoteMessage::answers(RemoteProcedure call, uint32_t call_serial) const {
  return program == kRemoteProgram && type == Type::kReply &&
         procedure == static_cast<int32_t>(call) && serial == call_serial;
}

RemoteMessage decode_message(std::string_view bytes) {
  XdrReader header(bytes.substr(0, kRemoteHeaderSize));
  RemoteMessage message;
  message.program = header.u32();
  message.version = header.u32();
  message.procedure = header.i32();
  message.type = static_cast<RemoteMessage::Type>(header.u32());
  message.serial = header.u32();
  const uint32_t status = header.u32();
  if (status != kStatusOk && status != kStatusError &&
      message.type != RemoteMessage::Type::kStream) {
    throw XdrError("a reply status that is neither OK nor ERROR");
  }
  message.failed = status == kStatusError;
  message.body = bytes.substr(kRemoteHeaderSize);
  return message;
}

RemoteError decode_error(std::string_view body) {
  XdrReader reader(body);
  RemoteError error;
  error.code = reader.i32();
  reader.i32();  // the domain (subsystem) that raised it
  error.message = reader.optional_string(kRemoteStringMax).value_or("");
  return error;
}

}  // namespace hakit::virt
