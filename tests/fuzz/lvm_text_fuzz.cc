// LVM's plain-text answers, as the LVM agents read them: `lvm systemid` and `lvmconfig
// NODE`, and the volume_list value checked against the VG and the agent's tag.
#include "fuzz_input.h"
#include "storage/lvm_setup_check.h"
#include "storage/lvm_tools.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view output = hakit::fuzz::text(data, size);
  hakit::storage::parse_system_id(output);
  const std::string value = hakit::storage::parse_config_value(output);
  hakit::storage::volume_list_bypasses_tag(value, "vg0", "pacemaker");
  return 0;
}
