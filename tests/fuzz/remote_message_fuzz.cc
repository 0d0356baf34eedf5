// A libvirtd reply, as the VirtualDomain and Xen monitors read it from the daemon's socket
// (lib/virt/local_daemon.cc): header, then an error, a domain or a state.
#include "fuzz_input.h"
#include "virt/remote_message.h"
#include "virt/xdr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hakit::virt;
  try {
    const RemoteMessage message = decode_message(hakit::fuzz::text(data, size));
    if (message.failed) {
      decode_error(message.body);
    } else if (message.answers(RemoteProcedure::kDomainLookupByName, 2)) {
      XdrReader domain(message.body);
      domain.string(kRemoteStringMax);
      domain.fixed_opaque(16);
      domain.i32();
    } else {
      XdrReader(message.body).i32();
    }
  } catch (const XdrError&) {
  }
  return 0;
}
