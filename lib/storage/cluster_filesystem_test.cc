#include "storage/cluster_filesystem.h"

#include <catch2/catch.hpp>

#include "storage/filesystem_type.h"
#include "util/captures_for_tests.h"

using hakit::storage::filesystem_type;
using hakit::storage::lockproto_option;
using hakit::storage::parse_gfs2_lock_protocol;
using hakit::storage::parse_mounted_ocfs2;
using hakit::testing::capture;

TEST_CASE("mounted.ocfs2 -d names the superblock's stack and cluster", "[storage][ocfs2]") {
  const auto pcmk = parse_mounted_ocfs2(capture("ocfs2/host-mounted-d-pcmk.txt"));
  REQUIRE(pcmk);
  CHECK(pcmk->stack == "pcmk");
  CHECK(pcmk->cluster == "hakit");
  const auto o2cb = parse_mounted_ocfs2(capture("ocfs2/host-mounted-d-o2cb.txt"));
  REQUIRE(o2cb);
  CHECK(o2cb->stack == "o2cb");
  CHECK(o2cb->cluster == "o2test");
  const auto local = parse_mounted_ocfs2(capture("ocfs2/host-mounted-d-local.txt"));
  REQUIRE(local);
  CHECK(local->stack == "None");
  CHECK(local->cluster.empty());
  const auto guest = parse_mounted_ocfs2(capture("ocfs2/guest-mounted-d-pcmk.txt"));
  REQUIRE(guest);
  CHECK(guest->stack == "pcmk");
  CHECK(guest->cluster == "hakit");
  const auto guest_local = parse_mounted_ocfs2(capture("ocfs2/guest-mounted-d-local.txt"));
  REQUIRE(guest_local);
  CHECK(guest_local->stack == "None");
  CHECK(guest_local->cluster.empty());
  CHECK_FALSE(parse_mounted_ocfs2(""));
  CHECK_FALSE(parse_mounted_ocfs2("mounted.ocfs2: No such file or directory\n"));
}

TEST_CASE("tunegfs2 -l gives the lock protocol, lockproto= overrides it", "[storage][gfs2]") {
  CHECK(parse_gfs2_lock_protocol(capture("gfs2/host-tunegfs2-l-lock_dlm.txt")) == "lock_dlm");
  CHECK(parse_gfs2_lock_protocol(capture("gfs2/host-tunegfs2-l-lock_nolock.txt")) == "lock_nolock");
  CHECK(parse_gfs2_lock_protocol(capture("gfs2/guest-tunegfs2-l-lock_dlm.txt")) == "lock_dlm");
  CHECK(parse_gfs2_lock_protocol(capture("gfs2/guest-tunegfs2-l-lock_nolock.txt")) ==
        "lock_nolock");
  CHECK(parse_gfs2_lock_protocol("").empty());
  CHECK(lockproto_option("noatime,lockproto=lock_nolock") == "lock_nolock");
  CHECK(lockproto_option("noatime").empty());
}

TEST_CASE("fast_stop applies to local filesystems, not to cluster ones", "[storage][gfs2]") {
  CHECK(filesystem_type("ext4").fast_stop_safe);
  CHECK(filesystem_type("nfs").fast_stop_safe);
  CHECK(filesystem_type("something").fast_stop_safe);
  CHECK_FALSE(filesystem_type("gfs2").fast_stop_safe);
  CHECK_FALSE(filesystem_type("ocfs2").fast_stop_safe);
}
