// IET's /proc/net/iet/volume and /proc/net/iet/session, as the iSCSI agents' monitors read
// them (ietd: IET's kernel module prints them).
#include "fuzz_input.h"
#include "iscsi/iet_proc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto targets = hakit::iscsi::parse_iet_proc(hakit::fuzz::text(data, size));
  hakit::iscsi::find_iet_target(targets, "iqn.2024-01.com.example:disk1");
  return 0;
}
