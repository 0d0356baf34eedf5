#include "storage/cluster_daemon.h"

#include <catch2/catch.hpp>

using hakit::storage::configfs_mounted;

// The real mount table: /proc is mounted (an entry is found, and its type read after the
// table that holds it is gone, as the sanitizer build saw controld start do in the guest),
// but not as configfs; nothing is mounted on a path that does not exist.
TEST_CASE("configfs_mounted reads the type of the mount it finds", "[storage]") {
  CHECK_FALSE(configfs_mounted("/proc"));
  CHECK_FALSE(configfs_mounted("/nonexistent/sys/kernel/config"));
}
