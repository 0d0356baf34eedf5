#include "fence/fencer_history.h"

#include <catch2/catch.hpp>

using namespace hakit::fence;
using std::chrono::system_clock;

namespace {

const char* kHistory = R"(<pacemaker-result api-version="2.25" request="stonith_admin">
  <list name="fencing history" count="3">
    <fence_event action="reboot" target="nodeM" client="c.1" origin="node1" status="failed" delegate="node1" completed="2026-11-22 16:49:30Z"/>
    <fence_event action="off" target="nodeM" client="c.2" origin="node1" status="success" delegate="a human" completed="2026-11-22 16:49:20Z"/>
    <fence_event action="off" target="nodeX" client="c.3" origin="node1" status="success" delegate="a human" completed="2026-11-22 16:50:00Z"/>
  </list>
  <status code="0" message="OK"/>
</pacemaker-result>)";

system_clock::time_point utc(int hour, int minute, int second) {
  std::tm parts{};
  parts.tm_year = 2026 - 1900;
  parts.tm_mon = 10;
  parts.tm_mday = 22;
  parts.tm_hour = hour;
  parts.tm_min = minute;
  parts.tm_sec = second;
  return system_clock::from_time_t(::timegm(&parts));
}

}  // namespace

TEST_CASE("a manual confirmation counts only for its node and from the request on",
          "[fence][meatware]") {
  CHECK(has_manual_confirmation(kHistory, "nodeM", utc(16, 49, 0)));
  CHECK(
      has_manual_confirmation(kHistory, "NODEM", utc(16, 49, 20) + std::chrono::milliseconds(700)));
  CHECK_FALSE(has_manual_confirmation(kHistory, "nodeM", utc(16, 49, 21)));
  CHECK_FALSE(has_manual_confirmation(kHistory, "node", utc(16, 0, 0)));
  CHECK(has_manual_confirmation(kHistory, "nodeX", utc(16, 0, 0)));
}

TEST_CASE("a failed or machine-made fencing is no manual confirmation", "[fence][meatware]") {
  const char* history =
      R"(<fence_event action="off" target="n1" status="success" delegate="node1" completed="2026-11-22 16:49:20Z"/>
<fence_event action="off" target="n1" status="failed" delegate="a human" completed="2026-11-22 16:49:20Z"/>)";
  CHECK_FALSE(has_manual_confirmation(history, "n1", utc(16, 0, 0)));
  CHECK_FALSE(has_manual_confirmation("", "n1", utc(16, 0, 0)));
  CHECK_FALSE(has_manual_confirmation("<fence_event target=\"n1\"", "n1", utc(16, 0, 0)));
}

TEST_CASE("a completion time the clock cannot hold is no confirmation", "[fence][meatware]") {
  const std::string far = R"(<fence_event action="off" target="nodeM" status="success" )"
                          R"(delegate="a human" completed="-30171856240-11-22 16:49:20Z"/>)";
  CHECK_FALSE(has_manual_confirmation(far, "nodeM", utc(16, 0, 0)));
  const std::string future = R"(<fence_event action="off" target="nodeM" status="success" )"
                             R"(delegate="a human" completed="9999-11-22 16:49:20Z"/>)";
  CHECK_FALSE(has_manual_confirmation(future, "nodeM", utc(16, 0, 0)));
}
