// What RackPdu checks before it contacts anything (validate-all). Its SNMP exchanges are
// tested against snmpd in tests/integration/fence_rackpdu_test.cc.
#include "fence/rackpdu_device.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "metadata/fence_hakit_rackpdu.h"

using namespace hakit;
using namespace hakit::fence;

namespace {

std::string config_error(const std::string& stdin_text) {
  try {
    RackPdu(Options::from_stdin(metadata::fence_hakit_rackpdu, "ip=127.0.0.1\n" + stdin_text));
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::kBadConfig);
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("RackPdu accepts the defaults and cluster-glue's settings", "[fence][rackpdu]") {
  CHECK(config_error("") == "no error");
  CHECK(config_error("hostlist=node1 node2\noid=.1.3.6.1.4.1.318.1.1.4.4.2.1.3\n"
                     "names_oid=.1.3.6.1.4.1.318.1.1.4.4.2.1.4\noutlet_table=spdu\n") ==
        "no error");
  CHECK(RackPdu(Options::from_stdin(metadata::fence_hakit_rackpdu, "ip=h\n")).capabilities().list);
}

TEST_CASE("RackPdu refuses bad tables, OIDs and outlet_config files", "[fence][rackpdu]") {
  CHECK(config_error("outlet_table=rpdu2\n").starts_with("outlet_table must be"));
  CHECK(config_error("oid=sPDUOutletCtl\n").starts_with("oid must be a numeric OID"));
  CHECK(config_error("names_oid=1\n").starts_with("names_oid must be a numeric OID"));
  CHECK(config_error("outlet_config=/nonexistent/pdu.conf\n") ==
        "outlet_config /nonexistent/pdu.conf cannot be read");
}

TEST_CASE("hostlist is the list itself unless AUTO, and listing it asks the PDU nothing",
          "[fence][rackpdu]") {
  RackPdu pdu(Options::from_stdin(metadata::fence_hakit_rackpdu,
                                  "ip=127.0.0.1\nipport=9\nhostlist=node1, node10\n"));
  const std::vector<Plug> plugs = pdu.list(exec::Deadline::in(std::chrono::seconds(1)));
  REQUIRE(plugs.size() == 2);
  CHECK(plugs[0].id == "node1");
  CHECK(plugs[1].alias == "node10");
}
