#include "virt/xen_pci_spec.h"

#include <catch2/catch.hpp>

namespace hakit::virt {
namespace {

TEST_CASE("pci specs", "[virt]") {
  const PciSpec full = parse_xen_pci_spec("0000:03:1f.7", 2);
  CHECK(full.domain == 0);
  CHECK(full.bus == 3);
  CHECK(full.slot == 0x1f);
  CHECK(full.function == 7);
  CHECK(full.line == 2);

  const PciSpec short_form = parse_xen_pci_spec("0a:00.1@4,permissive=1,msitranslate=1", 1);
  CHECK(short_form.domain == 0);
  CHECK(short_form.bus == 0x0a);
  CHECK(short_form.function == 1);
  CHECK(parse_xen_pci_spec("seize=1, bdf=0001:02:03.4", 1).domain == 1);
}

TEST_CASE("bad pci specs are ConfigErrors on the entry's line", "[virt]") {
  for (const auto spec : {"01:00.*", "01:00", "1:2:3:4.0", "0000:100:00.0", "00:20.0", "00:00.8",
                          "", "zz:00.0", "01:00.0,02:00.0"}) {
    INFO(spec);
    try {
      parse_xen_pci_spec(spec, 5);
      FAIL("no error");
    } catch (const ConfigError& error) {
      CHECK(error.line == 5);
    }
  }
}

}  // namespace
}  // namespace hakit::virt
