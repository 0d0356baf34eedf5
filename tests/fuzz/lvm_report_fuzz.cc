// `vgs` and `lvs --reportformat json` reports, as the LVM agents read them. The first byte
// picks the report.
#include <stdexcept>

#include "fuzz_input.h"
#include "storage/lvm_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view json = hakit::fuzz::text(data + 1, size - 1);
  try {
    if (data[0] & 1) {
      hakit::storage::parse_lvs_report(json);
    } else {
      hakit::storage::parse_vgs_report(json);
    }
  } catch (const std::runtime_error&) {
  }
  return 0;
}
