#include "storage/lvm_report.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "storage/lvm_access.h"
#include "util/captures_for_tests.h"

using hakit::storage::parse_lvs_report;
using hakit::storage::parse_vgs_report;
using hakit::testing::capture;

TEST_CASE("vgs JSON of a tagged VG without LVs", "[storage][lvm_report]") {
  const auto groups = parse_vgs_report(capture("lvm/host-vgs-tagged-no-lv.json"));
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].name == "vgcap");
  CHECK(groups[0].attr == "wz--n-");
  CHECK(groups[0].lock_type.empty());
  CHECK(groups[0].system_id.empty());
  CHECK(groups[0].tags == std::vector<std::string>{"pacemaker"});
  CHECK(groups[0].has_tag("pacemaker"));
  CHECK_FALSE(groups[0].has_tag("other"));
  CHECK(groups[0].lv_count == 0);
  CHECK(groups[0].autoactivation);
  CHECK_FALSE(groups[0].partial());
  CHECK_FALSE(groups[0].clustered());
  CHECK_FALSE(groups[0].shared());
}

TEST_CASE("lvs JSON with no LV is an empty list", "[storage][lvm_report]") {
  CHECK(parse_lvs_report(capture("lvm/host-lvs-empty.json")).empty());
}

TEST_CASE("vg_attr flags partial and clustered, lock types shared", "[storage][lvm_report]") {
  const auto groups = parse_vgs_report(
      R"({"report":[{"vg":[{"vg_name":"a","vg_attr":"wz-pnc","vg_tags":"x,y","lv_count":"2"},
                           {"vg_name":"b","vg_attr":"wz--ns","vg_lock_type":"dlm"}]}]})");
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].partial());
  CHECK(groups[0].clustered());
  CHECK(groups[0].tags == std::vector<std::string>{"x", "y"});
  CHECK(groups[0].lv_count == 2);
  CHECK(groups[1].shared());
  CHECK_FALSE(groups[1].autoactivation);
}

TEST_CASE("json_std reports give tags as an array", "[storage][lvm_report]") {
  const auto groups =
      parse_vgs_report(R"({"report":[{"vg":[{"vg_name":"a","vg_tags":["t1","t2"]}]}]})");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].tags == std::vector<std::string>{"t1", "t2"});
}

TEST_CASE("text that is not an LVM report is refused", "[storage][lvm_report]") {
  CHECK_THROWS_AS(parse_vgs_report("  Volume group \"x\" not found"), std::runtime_error);
  CHECK_THROWS_AS(parse_vgs_report(R"({"report":[{"vg":[{"lv_count":"many"}]}]})"),
                  std::runtime_error);
  CHECK_THROWS_AS(parse_lvs_report("{}"), std::runtime_error);
}

TEST_CASE("guest vgs: a system_id VG before and after the agent's start", "[storage][lvm_report]") {
  const auto before = parse_vgs_report(capture("lvm/guest-vgs-systemid-inactive.json"));
  REQUIRE(before.size() == 1);
  CHECK(before[0].system_id == "guest1");
  CHECK(before[0].lv_count == 2);
  CHECK(before[0].autoactivation);
  CHECK(before[0].tags.empty());
  CHECK(hakit::storage::detected_access_mode(before[0]) == hakit::storage::VgAccessMode::kSystemId);
  const auto after = parse_vgs_report(capture("lvm/guest-vgs-systemid-active.json"));
  REQUIRE(after.size() == 1);
  CHECK_FALSE(after[0].autoactivation);  // start disabled it
  const auto foreign = parse_vgs_report(capture("lvm/guest-vgs-foreign.json"));
  REQUIRE(foreign.size() == 1);
  CHECK(foreign[0].system_id == "othernode");
}

TEST_CASE("guest lvs: lv_attr tells active from inactive", "[storage][lvm_report]") {
  const auto inactive = parse_lvs_report(capture("lvm/guest-lvs-inactive.json"));
  REQUIRE(inactive.size() == 2);
  CHECK(inactive[1].name == "my-logs");
  CHECK_FALSE(inactive[0].is_active());
  CHECK_FALSE(inactive[1].is_active());
  const auto active = parse_lvs_report(capture("lvm/guest-lvs-active.json"));
  REQUIRE(active.size() == 2);
  CHECK(active[0].vg_name == "vgha");
  CHECK(active[0].is_active());
  CHECK(active[1].active == "active");
}

TEST_CASE("guest vgs: tagged by the agent, then plain", "[storage][lvm_report]") {
  using hakit::storage::detected_access_mode;
  using hakit::storage::VgAccessMode;
  const auto tagged = parse_vgs_report(capture("lvm/guest-vgs-tagged-active.json"));
  REQUIRE(tagged.size() == 1);
  CHECK(tagged[0].has_tag("pacemaker"));
  CHECK(detected_access_mode(tagged[0]) == VgAccessMode::kTagging);
  const auto plain = parse_vgs_report(capture("lvm/guest-vgs-plain.json"));
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].system_id.empty());
  CHECK(detected_access_mode(plain[0]) == VgAccessMode::kLocal);
}

TEST_CASE("guest vgs: a shared VG of lvmlockd (dlm)", "[storage][lvm_report]") {
  const auto shared = parse_vgs_report(capture("lvm/guest-vgs-lvmlockd.json"));
  REQUIRE(shared.size() == 1);
  CHECK(shared[0].lock_type == "dlm");
  CHECK(shared[0].shared());
  CHECK_FALSE(shared[0].clustered());
  CHECK(hakit::storage::detected_access_mode(shared[0]) == hakit::storage::VgAccessMode::kLvmlockd);
}
