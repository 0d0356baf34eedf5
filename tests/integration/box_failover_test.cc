// The box's node failure (issue 7): node1's corosync dies, node2 fences node1 through
// hakit's IPMI agent and node1's BMC (whose power-off really kills node1), then starts
// node1's resources. Scenario (c), examples/box-rhcs.crm, with Dummy services.
#include <signal.h>
#include <unistd.h>

#include "box_lab.h"

using namespace box_test;

TEST_CASE("Box: node1's corosync dies, node2 fences it through its BMC and takes over",
          "[box][fence][ipmi]") {
  if (::geteuid() != 0) {
    WARN("skipped: the box needs root (namespaces, mounts)");
    return;
  }
  BoxLab lab;
  lab.load("box-rhcs.crm");
  {
    INFO(lab.box.status());
    REQUIRE(lab.wait_running_on("vm-web", "node1"));
    REQUIRE(lab.wait_running_on("vm-db", "node2"));
  }
  const SafetyWatch watch(lab, {"vm-web", "vm-db"});
  const pid_t corosync = lab.node1.pid_of("corosync");
  REQUIRE(corosync > 0);
  const auto failure = Clock::now();
  const double failure_wall = wall_clock();
  REQUIRE(kill(corosync, SIGKILL) == 0);

  const bool taken_over = lab.wait_running_on("vm-web", "node2");
  const double failover = seconds_since(failure);
  INFO(lab.box.status());
  REQUIRE(taken_over);
  CHECK(lab.running("vm-db") == std::vector<std::string>{"node2"});
  // Fenced for real: the BMC was told to switch off, it is off and nothing of node1 runs.
  const auto calls = lab.box.bmc(lab.node1).calls();
  CHECK(std::count(calls.begin(), calls.end(), "set power 0") == 1);
  CHECK_FALSE(lab.box.bmc(lab.node1).powered());
  CHECK(lab.node1.processes().empty());
  CHECK(lab.box.bmc(lab.node2).powered());
  CHECK(lab.node2.running());
  // node2's fencer records who did it, with which device.
  const std::string history =
      lab.node2.run_checked({"stonith_admin", "--history", "node1", "--verbose"});
  CHECK(history.find("fence-node1-ipmi") != std::string::npos);
  CHECK(history.find("successful") != std::string::npos);
  CHECK(lab.box.status().find("OFFLINE: [ node1 ]") != std::string::npos);
  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.violations().empty());
  CHECK(watch.checks() > 10);
  report("node1 corosync killed -> node1 powered off by its BMC",
         last_power_off(lab.node1) - failure_wall);
  report("node1 corosync killed -> vm-web running on node2", failover);
}
