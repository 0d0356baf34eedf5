// The box's second fencing level (issue 7): node1's BMC is gone when node1 fails, so
// node2's fencer falls back to the next level of fencing_topology, the PDU outlet that
// feeds node1 (whose power-off really kills node1). Scenario (c), examples/box-rhcs.crm.
// Throughout, a watch checks that no service runs on two nodes at any moment.
#include <signal.h>
#include <unistd.h>

#include "box_lab.h"

using namespace box_test;

TEST_CASE("Box: a dead BMC makes node2 fence node1 through the PDU, never running twice",
          "[box][fence][rackpdu]") {
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
  lab.box.bmc(lab.node1).stop();  // level 1 for node1 can only fail now
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
  // The PDU switched node1's outlet (1) off, and only that one; node1 is gone.
  using Switch = hakit::lab::ApcPduSimulator::Switch;
  const auto switches = lab.box.pdu().switches();
  CHECK(std::count(switches.begin(), switches.end(), Switch{1, "off", "rpdu"}) == 1);
  CHECK(std::none_of(switches.begin(), switches.end(),
                     [](const Switch& each) { return each.outlet != 1; }));
  CHECK(lab.node1.processes().empty());
  CHECK(lab.node2.running());
  const std::string history =
      lab.node2.run_checked({"stonith_admin", "--history", "node1", "--verbose"});
  CHECK(history.find("fence-pdu") != std::string::npos);
  CHECK(history.find("successful") != std::string::npos);
  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.violations().empty());
  CHECK(watch.checks() > 10);
  report("node1 corosync killed, BMC dead -> node1 powered off by the PDU",
         last_power_off(lab.node1) - failure_wall);
  report("node1 corosync killed, BMC dead -> vm-web running on node2", failover);
}
