// The generated tables of an embedded fence meta-data match its XML.
#include "fence/metadata.h"

#include <catch2/catch.hpp>

#include "metadata/fence_hakit_meatware.h"
#include "metadata/fence_hakit_null.h"

using namespace hakit::fence;
using hakit::metadata::fence_hakit_meatware;
using hakit::metadata::fence_hakit_null;

TEST_CASE("embedded fence meta-data: names, descriptions and the XML itself", "[fence][metadata]") {
  CHECK(fence_hakit_null.name == "fence_hakit_null");
  CHECK_FALSE(fence_hakit_null.shortdesc.empty());
  CHECK(fence_hakit_null.longdesc.starts_with("fence_hakit_null reports success"));
  CHECK(fence_hakit_null.xml.starts_with("<?xml"));
  CHECK(fence_hakit_null.xml.find("</resource-agent>") != std::string_view::npos);
}

TEST_CASE("embedded fence meta-data: options with flags, types, defaults and aliases",
          "[fence][metadata]") {
  const OptionSpec* plug = fence_hakit_null.option("plug");
  REQUIRE(plug != nullptr);
  CHECK(plug->short_flag == 'n');
  CHECK(plug->long_flag == "plug");
  CHECK(plug->takes_value);
  CHECK(plug->obsoletes == "port");
  CHECK(fence_hakit_null.option("port")->deprecated);
  CHECK(fence_hakit_null.canonical("port") == plug);
  CHECK(fence_hakit_null.canonical("plug") == plug);
  CHECK(fence_hakit_null.canonical("nonsense") == nullptr);

  const OptionSpec* verbose = fence_hakit_null.option("verbose");
  REQUIRE(verbose != nullptr);
  CHECK(verbose->type == OptionType::kBoolean);
  CHECK_FALSE(verbose->takes_value);

  const OptionSpec* action = fence_hakit_null.option("action");
  CHECK(action->required);
  CHECK(action->default_value == "reboot");

  const OptionSpec* wait = fence_hakit_meatware.option("confirm_timeout");
  REQUIRE(wait != nullptr);
  CHECK(wait->type == OptionType::kSecond);
  CHECK(wait->default_value == "600");
  CHECK(wait->long_flag == "confirm-timeout");
  CHECK(wait->short_flag == 0);
}

TEST_CASE("embedded fence meta-data: actions", "[fence][metadata]") {
  CHECK(fence_hakit_null.advertises("list-status"));
  CHECK(fence_hakit_null.advertises("on"));
  CHECK(fence_hakit_meatware.advertises("reboot"));
  CHECK_FALSE(fence_hakit_meatware.advertises("on"));
  CHECK_FALSE(fence_hakit_meatware.advertises("status"));
}
