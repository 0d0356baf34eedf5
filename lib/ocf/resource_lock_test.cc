#include "ocf/resource_lock.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>

#include "ocf/error.h"

using hakit::exec::Deadline;
using hakit::exec::Millis;
using hakit::ocf::ResourceLock;

TEST_CASE("two operations on one instance serialise, other instances do not wait", "[ocf]") {
  char dir[] = "/tmp/hakit-lock-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  ::setenv("HA_RSCTMP", dir, 1);
  {
    std::optional<ResourceLock> first;
    first.emplace("Filesystem", "fs:1", Deadline::in(Millis(1000)));
    REQUIRE(first->held());
    CHECK_THROWS_AS(ResourceLock("Filesystem", "fs:1", Deadline::in(Millis(200))),
                    hakit::ocf::Error);
    CHECK(ResourceLock("Filesystem", "fs:2", Deadline::in(Millis(200))).held());
    first.reset();
    CHECK(ResourceLock("Filesystem", "fs:1", Deadline::in(Millis(200))).held());
  }
  ::unsetenv("HA_RSCTMP");
  std::filesystem::remove_all(dir);
}

TEST_CASE("the lock file is never opened through a planted link", "[ocf]") {
  char dir[] = "/tmp/hakit-lock-link-XXXXXX";
  REQUIRE(::mkdtemp(dir) != nullptr);
  ::setenv("HA_RSCTMP", dir, 1);
  const std::string victim = std::string(dir) + "/victim";
  std::filesystem::create_symlink(victim, std::string(dir) + "/hakit-Filesystem-fs_1.lock");
  // Runs unlocked (logged) rather than create or lock the link's target.
  CHECK_FALSE(ResourceLock("Filesystem", "fs:1", Deadline::in(Millis(200))).held());
  CHECK_FALSE(std::filesystem::exists(victim));
  ::unsetenv("HA_RSCTMP");
  std::filesystem::remove_all(dir);
}
