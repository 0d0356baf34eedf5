// `tgtadm --lld iscsi --op show --mode target`, as the iSCSI agents read tgtd's state.
#include "fuzz_input.h"
#include "iscsi/tgt_show.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto targets = hakit::iscsi::parse_tgt_show(hakit::fuzz::text(data, size));
  if (!targets.empty()) {
    hakit::iscsi::find_tgt_target(targets, 1);
    hakit::iscsi::find_tgt_target(targets, "iqn.2024-01.lab.example:disk1");
  }
  return 0;
}
