#include "virt/xen_vif_spec.h"

#include <catch2/catch.hpp>

namespace hakit::virt {
namespace {

TEST_CASE("vif specs", "[virt]") {
  const VifSpec vif = parse_xen_vif_spec("mac=00:16:3E:01:02:03, bridge=xenbr0", 4);
  CHECK(vif.mac == "00:16:3e:01:02:03");
  CHECK(vif.bridge == "xenbr0");
  CHECK(vif.line == 4);

  const VifSpec full = parse_xen_vif_spec(
      "type=ioemu,mac=00:16:3e:00:00:11,bridge=br1,model=e1000,ip=192.0.2.10,"
      "script=vif-bridge,vifname=vm01.0,rate=10Mb/s",
      1);
  CHECK(full.model == "e1000");
  CHECK(full.ip == "192.0.2.10");
  CHECK(full.script == "vif-bridge");
  CHECK(full.vifname == "vm01.0");

  CHECK(parse_xen_vif_spec("ip=192.0.2.1 2001:db8::1", 1).ip == "192.0.2.1 2001:db8::1");

  const VifSpec empty = parse_xen_vif_spec("", 1);  // xmexample1: vif = [ '' ]
  CHECK(empty.mac.empty());
  CHECK(empty.bridge.empty());
}

TEST_CASE("bad vif specs are ConfigErrors on the entry's line", "[virt]") {
  for (const auto spec :
       {"mac=00:16:3e:01:02", "mac=00:16:3e:01:02:0g", "bridge", "type=tap", "bridge=br 0",
        "mac=00-16-3e-01-02-03", "ip=192.0.2.300", "ip=192.0.2.1 host", "vifname=vif<1>"}) {
    INFO(spec);
    try {
      parse_xen_vif_spec(spec, 9);
      FAIL("no error");
    } catch (const ConfigError& error) {
      CHECK(error.line == 9);
    }
  }
}

}  // namespace
}  // namespace hakit::virt
