#include "fence/outlet_map.h"

#include <catch2/catch.hpp>

#include "fence/error.h"

using namespace hakit::fence;

TEST_CASE("outlet_config: node=outlet lines, blanks around either side, comments skipped",
          "[fence][rackpdu]") {
  const std::vector<Outlet> outlets = parse_outlet_config(
      "# rack 4\n"
      "node1=1\n"
      "\n"
      "  node10 = 10  \n"
      "db=3\n"
      "db=4\n",
      "pdu.conf");
  REQUIRE(outlets.size() == 4);
  CHECK(outlets[1].name == "node10");
  CHECK(outlets[1].number == 10);
}

TEST_CASE("outlet_config: a malformed line names the file and the line", "[fence][rackpdu]") {
  for (const char* line : {"node1", "node1=", "=3", "node1=zero", "node1=0", "node1=-2"}) {
    INFO(line);
    try {
      parse_outlet_config(std::string("# header\n\n") + line + "\n", "pdu.conf");
      FAIL("accepted");
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::kBadConfig);
      CHECK(std::string(error.what()).starts_with("pdu.conf line 3: "));
    }
  }
}

TEST_CASE("outlet_config: an unreadable file is a configuration error", "[fence][rackpdu]") {
  CHECK_THROWS_AS(read_outlet_config("/nonexistent/pdu.conf"), Error);
}

TEST_CASE("names match exactly: node1 is not node10, and a node may have several outlets",
          "[fence][rackpdu]") {
  const std::vector<Outlet> outlets{{1, "node1"}, {2, "node10"}, {3, "node11"},
                                    {4, "db"},    {5, "db"},     {6, "Node1"}};
  CHECK(outlets_named(outlets, "node1") == std::vector<unsigned long>{1});
  CHECK(outlets_named(outlets, "db") == std::vector<unsigned long>{4, 5});
  CHECK(outlets_named(outlets, "node").empty());
  CHECK(outlets_named(outlets, "node1 ").empty());
}

TEST_CASE("a plug is an outlet number only when it is a positive decimal number",
          "[fence][rackpdu]") {
  CHECK(outlet_number("7") == 7UL);
  CHECK(outlet_number("300") == 300UL);
  CHECK_FALSE(outlet_number("0"));
  CHECK_FALSE(outlet_number("node7"));
  CHECK_FALSE(outlet_number("7a"));
  CHECK_FALSE(outlet_number(""));
  CHECK_FALSE(outlet_number("-1"));
}
