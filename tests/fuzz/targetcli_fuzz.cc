// What a targetcli session printed: its standard error (one line per failed command, the
// reason the agent reports) and its standard output (the `ls .../tpg1/luns` listing the
// LUN agent checks its LUN in).
#include "fuzz_input.h"
#include "iscsi/targetcli.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view output = hakit::fuzz::text(data, size);
  hakit::iscsi::targetcli_errors(output);
  for (const auto& lun : hakit::iscsi::parse_targetcli_luns(output)) {
    // Every field is a piece of the line: never longer than the input.
    if (lun.backstore_type.size() + lun.backstore_name.size() + lun.path.size() > size)
      __builtin_trap();
  }
  return 0;
}
