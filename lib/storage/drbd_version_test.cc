#include "storage/drbd_version.h"

#include <catch2/catch.hpp>

#include "util/captures_for_tests.h"

using hakit::storage::DrbdVersion;
using hakit::storage::parse_drbd_version;
using hakit::storage::parse_proc_drbd_version;
using hakit::testing::capture;

TEST_CASE("DRBD versions are x.y.z with an optional suffix", "[drbd][version]") {
  CHECK(parse_drbd_version("8.4.11") == DrbdVersion{8, 4, 11});
  CHECK(parse_drbd_version("9.2.12-1\n") == DrbdVersion{9, 2, 12});
  CHECK(parse_drbd_version(" 10.0.0 ") == DrbdVersion{10, 0, 0});
  CHECK_FALSE(parse_drbd_version("8.4"));
  CHECK_FALSE(parse_drbd_version("8.4.x"));
  CHECK_FALSE(parse_drbd_version("8.4.11.2"));
  CHECK_FALSE(parse_drbd_version(""));
  CHECK_FALSE(parse_drbd_version("v9.0.0"));
}

TEST_CASE("DRBD version codes and comparisons follow drbdadm's", "[drbd][version]") {
  CHECK(DrbdVersion{8, 4, 11}.code() == 0x08040b);  // DRBD_KERNEL_VERSION_CODE in the capture
  CHECK(capture("drbd/drbd-8.4.11/guest1/drbdadm-version")
            .find("DRBD_KERNEL_VERSION_CODE=0x08040b") != std::string::npos);
  CHECK(DrbdVersion{8, 4, 11} < DrbdVersion{9, 0, 0});
  CHECK(DrbdVersion{8, 4, 11} >= DrbdVersion{8, 0, 0});
  CHECK_FALSE(DrbdVersion{8, 4, 11}.is_v9());
  CHECK(DrbdVersion{9, 1, 0}.is_v9());
  CHECK(DrbdVersion{9, 1, 0}.text() == "9.1.0");
}

TEST_CASE("the module version is read from a real /proc/drbd", "[drbd][version]") {
  for (const char* state : {"unconfigured", "wfconnection", "syncsource", "primary-peer-lost"}) {
    INFO(state);
    CHECK(parse_proc_drbd_version(capture(std::string("drbd/drbd-8.4.11/guest1/") + state +
                                          ".proc_drbd")) == DrbdVersion{8, 4, 11});
  }
  CHECK_FALSE(parse_proc_drbd_version("srcversion: F73C670A7EC572DB9CF3E5B\n"));
}
