#include "hakit/schema_check.h"

#include <catch2/catch.hpp>

using namespace hakit::cli;

namespace {

// Valid for both the OCF 1.0 DTD and the OCF 1.1 RelaxNG.
constexpr const char* kOcf10 = R"(<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="Sample" version="1.0">
<version>1.0</version>
<longdesc lang="en">A sample agent.</longdesc>
<shortdesc lang="en">Sample</shortdesc>
<parameters>
<parameter name="state" unique="1">
<longdesc lang="en">State file.</longdesc><shortdesc lang="en">State file</shortdesc>
<content type="string" default="/run/sample"/>
</parameter>
</parameters>
<actions>
<action name="start" timeout="20s"/>
<action name="stop" timeout="20s"/>
<action name="monitor" timeout="20s" interval="10s" depth="0"/>
<action name="meta-data" timeout="5s"/>
</actions>
</resource-agent>
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("the shipped schemas are found", "[schema]") {
  CHECK(find_schema(kOcfDtd).ends_with("/ra-api-1.dtd"));
  CHECK(find_schema(kOcf11RelaxNg).ends_with("/ocf-1.1-ra-api.rng"));
  CHECK_THROWS(find_schema("no-such-schema.rng"));
}

TEST_CASE("OCF 1.0 meta-data passes both schemas", "[schema]") {
  const XmlDocument doc = parse_xml(kOcf10);
  CHECK(declares_doctype(doc.get(), "resource-agent"));
  CHECK(dtd_violations(doc.get(), find_schema(kOcfDtd)).empty());
  CHECK(relaxng_violations(doc.get(), find_schema(kOcf11RelaxNg)).empty());
}

TEST_CASE("reload-agent is OCF 1.1 only", "[schema]") {
  const XmlDocument doc = parse_xml(
      replaced(kOcf10, "<action name=\"meta-data\"",
               "<action name=\"reload-agent\" timeout=\"5s\"/><action name=\"meta-data\""));
  const auto dtd_problems = dtd_violations(doc.get(), find_schema(kOcfDtd));
  REQUIRE_FALSE(dtd_problems.empty());
  CHECK_THAT(dtd_problems.front(), Catch::Contains("reload-agent"));
  CHECK(relaxng_violations(doc.get(), find_schema(kOcf11RelaxNg)).empty());
}

TEST_CASE("a description without lang fails only the RelaxNG schema", "[schema]") {
  const XmlDocument doc =
      parse_xml(replaced(kOcf10, "<shortdesc lang=\"en\">Sample", "<shortdesc>Sample"));
  CHECK(dtd_violations(doc.get(), find_schema(kOcfDtd)).empty());
  CHECK_FALSE(relaxng_violations(doc.get(), find_schema(kOcf11RelaxNg)).empty());
}

TEST_CASE("meta-data without a DOCTYPE is noticed", "[schema]") {
  const XmlDocument doc =
      parse_xml(replaced(kOcf10, "<!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\">", ""));
  CHECK_FALSE(declares_doctype(doc.get(), "resource-agent"));
}
