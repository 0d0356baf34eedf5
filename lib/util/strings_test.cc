#include "util/strings.h"

#include <catch2/catch.hpp>

using namespace hakit;

TEST_CASE("trim and split", "[util]") {
  CHECK(trim("  a b \n") == "a b");
  CHECK(trim(" \t").empty());
  CHECK(split(" a  b\tc ") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split("a:b::c", ":") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split("").empty());
}

TEST_CASE("cat and to_lower", "[util]") {
  CHECK(cat("rc ", 3, " after ", 1.5, "s") == "rc 3 after 1.5s");
  CHECK(to_lower("OCF_Success") == "ocf_success");
}

TEST_CASE("join puts the separator between parts only", "[report]") {
  CHECK(join({}, ", ").empty());
  CHECK(join({"device"}, ", ") == "device");
  CHECK(join({"device", "directory"}, ", ") == "device, directory");
}
