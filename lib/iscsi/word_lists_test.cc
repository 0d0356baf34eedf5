#include "iscsi/word_lists.h"

#include <catch2/catch.hpp>

#include "ocf/error.h"

using namespace hakit::iscsi;
using hakit::ocf::Error;

TEST_CASE("name=value lists split on blanks", "[iscsi]") {
  CHECK(parse_name_values("", "p").empty());
  CHECK(parse_name_values(" MaxRecvDataSegmentLength=65536  HeaderDigest=None ", "p") ==
        std::vector<NameValue>{{"MaxRecvDataSegmentLength", "65536"}, {"HeaderDigest", "None"}});
  CHECK(parse_name_values("empty=", "p") == std::vector<NameValue>{{"empty", ""}});
  CHECK_THROWS_AS(parse_name_values("novalue", "p"), Error);
  CHECK_THROWS_AS(parse_name_values("=1", "p"), Error);
  CHECK_THROWS_WITH(parse_name_values("a=1,b=2", "additional_parameters"),
                    "additional_parameters: \"a=1,b=2\" is not of the form name=value (without "
                    "commas)");
}

TEST_CASE("portals: addresses with and without ports, IPv6 in brackets", "[iscsi]") {
  CHECK(parse_portals("0.0.0.0:3260", "portals") == std::vector<Portal>{{"0.0.0.0", 3260}});
  CHECK(
      parse_portals("192.0.2.1 [::]:3261 [fd00::1] fd00::2", "portals") ==
      std::vector<Portal>{{"192.0.2.1", 3260}, {"::", 3261}, {"fd00::1", 3260}, {"fd00::2", 3260}});
  CHECK_THROWS_AS(parse_portals("192.0.2.1:0", "portals"), Error);
  CHECK_THROWS_AS(parse_portals("192.0.2.1:99999", "portals"), Error);
  CHECK_THROWS_AS(parse_portals("192.0.2.1:x", "portals"), Error);
  CHECK_THROWS_AS(parse_portals("[::1", "portals"), Error);
  CHECK_THROWS_AS(parse_portals(":3260", "portals"), Error);
}
