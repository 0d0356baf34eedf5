// xm/xl guest configuration files, converted by ocf:hakit:Xen.
#include "fuzz_input.h"
#include "virt/config_error.h"
#include "virt/xen_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    hakit::virt::parse_xen_config(hakit::fuzz::text(data, size));
  } catch (const hakit::virt::ConfigError&) {
  }
  return 0;
}
