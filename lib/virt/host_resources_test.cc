#include "virt/host_resources.h"

#include <catch2/catch.hpp>

using hakit::virt::balloon_targets;
using Sizes = std::vector<unsigned long long>;

TEST_CASE("other domains are ballooned in proportion to their size", "[virt][memory]") {
  CHECK(balloon_targets({1048576, 2097152}, 300000) == Sizes{948576, 1897152});
  CHECK(balloon_targets({}, 300000).empty());
  CHECK(balloon_targets({1048576}, 0) == Sizes{1048576});
}

TEST_CASE("no domain is ballooned below half its size", "[virt][memory]") {
  // Xen's reserved_Dom0_memory larger than the host: the shortfall exceeds all guests.
  CHECK(balloon_targets({131072, 65536}, 1ULL << 40) == Sizes{65536, 32768});
  CHECK(balloon_targets({1048576, 1048576}, 1572864) == Sizes{524288, 524288});
}
