#include "fence/snmp_oid.h"

#include <catch2/catch.hpp>

#include "fence/error.h"

using namespace hakit::fence;
using namespace hakit::fence::snmp;

TEST_CASE("numeric OIDs parse with or without the leading dot", "[fence][snmp]") {
  CHECK(parse_oid(".1.3.6.1.4.1.318", "oid") == Oid{1, 3, 6, 1, 4, 1, 318});
  CHECK(parse_oid(" 1.3.6.1 ", "oid") == Oid{1, 3, 6, 1});
  CHECK(to_string(parse_oid("1.3.6.1.4294967295", "oid")) == ".1.3.6.1.4294967295");
}

TEST_CASE("anything but a dotted list of numbers is a configuration error naming the option",
          "[fence][snmp]") {
  for (const char* text :
       {"", ".", "1", ".1.3.", "1..3", "1.3.x", "iso.3.6", "1.3.4294967296", "1.3.-1"}) {
    INFO(text);
    try {
      parse_oid(text, "names_oid");
      FAIL("accepted");
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::kBadConfig);
      CHECK(std::string(error.what()).starts_with("names_oid must be a numeric OID"));
    }
  }
}

TEST_CASE("cells and subtrees", "[fence][snmp]") {
  const Oid column{1, 3, 6, 1, 4};
  CHECK(cell(column, 10) == Oid{1, 3, 6, 1, 4, 10});
  CHECK(is_below(cell(column, 1), column));
  CHECK_FALSE(is_below(column, column));
  CHECK_FALSE(is_below(Oid{1, 3, 6, 1, 5, 1}, column));
  CHECK_FALSE(is_below(Oid{1, 3, 6}, column));
}
