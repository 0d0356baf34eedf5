#include "storage/lvm_access.h"

#include <catch2/catch.hpp>

using hakit::storage::access_mode_matches;
using hakit::storage::ActivationMode;
using hakit::storage::detected_access_mode;
using hakit::storage::parse_access_mode;
using hakit::storage::parse_activation_mode;
using hakit::storage::VgAccessMode;
using hakit::storage::VolumeGroupInfo;

TEST_CASE("access and activation modes parse only their four and two names", "[storage][lvm]") {
  CHECK(parse_access_mode("lvmlockd") == VgAccessMode::kLvmlockd);
  CHECK(parse_access_mode("clvmd") == VgAccessMode::kClvmd);
  CHECK(parse_access_mode("system_id") == VgAccessMode::kSystemId);
  CHECK(parse_access_mode("tagging") == VgAccessMode::kTagging);
  CHECK_FALSE(parse_access_mode("systemid"));
  CHECK_FALSE(parse_access_mode(""));
  CHECK(parse_activation_mode("shared") == ActivationMode::kShared);
  CHECK_FALSE(parse_activation_mode("Exclusive"));
}

TEST_CASE("the VG metadata decides the access mode a configuration must match", "[storage][lvm]") {
  VolumeGroupInfo vg;
  vg.attr = "wz--n-";
  CHECK(detected_access_mode(vg) == VgAccessMode::kLocal);
  vg.tags = {"pacemaker"};
  CHECK(detected_access_mode(vg) == VgAccessMode::kTagging);
  vg.system_id = "node1";
  CHECK(detected_access_mode(vg) == VgAccessMode::kSystemId);
  vg.attr = "wz--nc";
  CHECK(detected_access_mode(vg) == VgAccessMode::kClvmd);
  vg.lock_type = "dlm";
  CHECK(detected_access_mode(vg) == VgAccessMode::kLvmlockd);

  CHECK(access_mode_matches(VgAccessMode::kSystemId, VgAccessMode::kSystemId));
  CHECK_FALSE(access_mode_matches(VgAccessMode::kSystemId, VgAccessMode::kLocal));
  CHECK_FALSE(access_mode_matches(VgAccessMode::kLvmlockd, VgAccessMode::kClvmd));
  CHECK(access_mode_matches(VgAccessMode::kTagging, VgAccessMode::kSystemId));
}
