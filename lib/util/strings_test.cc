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

namespace {
enum class Colour { kRed };
std::ostream& operator<<(std::ostream& out, Colour) { return out << "red"; }
}  // namespace

TEST_CASE("cat prints every part as a stream would", "[util]") {
  // Text and integers skip the stream (cheaper start-up): same text as through one.
  const std::string text = "text";
  const std::string_view view = "view";
  std::ostringstream stream;
  stream << "literal" << text << view << 'c' << -12 << 34u << -5L << 18446744073709551615ULL
         << static_cast<short>(-3) << true << 0.25 << Colour::kRed
         << static_cast<unsigned char>('u');
  CHECK(cat("literal", text, view, 'c', -12, 34u, -5L, 18446744073709551615ULL,
            static_cast<short>(-3), true, 0.25, Colour::kRed,
            static_cast<unsigned char>('u')) == stream.str());
  CHECK(cat().empty());
}

TEST_CASE("join puts the separator between parts only", "[report]") {
  CHECK(join({}, ", ").empty());
  CHECK(join({"device"}, ", ") == "device");
  CHECK(join({"device", "directory"}, ", ") == "device, directory");
}
