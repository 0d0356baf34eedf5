#include "storage/kernel_support.h"

#include <catch2/catch.hpp>

#include "exec/deadline.h"
#include "ocf/error.h"

using hakit::storage::filesystem_type;
using hakit::storage::lists_filesystem;
using hakit::storage::require_filesystem_support;

TEST_CASE("/proc/filesystems entries are matched whole", "[storage][kernel_support]") {
  const char* text = "nodev\tsysfs\nnodev\ttmpfs\n\text3\n\text4\nnodev\tfuse\n\txfs\n";
  CHECK(lists_filesystem(text, "ext4"));
  CHECK(lists_filesystem(text, "tmpfs"));
  CHECK(lists_filesystem(text, "xfs"));
  CHECK_FALSE(lists_filesystem(text, "ext"));
  CHECK_FALSE(lists_filesystem(text, "nodev"));
  CHECK_FALSE(lists_filesystem(text, "fuseblk"));
}

TEST_CASE("an unknown filesystem type is not installed", "[storage][kernel_support]") {
  const auto deadline = hakit::exec::Deadline::in(std::chrono::seconds(20));
  CHECK_NOTHROW(require_filesystem_support(filesystem_type("tmpfs"), deadline));
  CHECK_NOTHROW(require_filesystem_support(filesystem_type("none"), deadline));
  try {
    require_filesystem_support(filesystem_type("hakitnosuchfs"), deadline);
    FAIL("no error");
  } catch (const hakit::ocf::Error& error) {
    CHECK(error.code() == hakit::ocf::ExitCode::kErrInstalled);
    CHECK_THAT(error.what(),
               Catch::StartsWith("Couldn't find filesystem hakitnosuchfs in /proc/filesystems"));
  }
}
