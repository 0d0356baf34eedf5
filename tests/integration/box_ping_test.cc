// The box's loss of connectivity (issue 7): node1 loses the ping target (its public link
// is unplugged, the cluster network stays), hakit's pingd clone drops node1's "pingd" to 0
// and the VM stand-in with its volume group moves to node2, stopped before it starts
// (watched throughout). Scenario (a), the SLES book, examples/box-sles.crm.
#include "box_lab.h"

using namespace box_test;

TEST_CASE("Box: node1 loses the ping target and its resources move to node2", "[box][pingd]") {
  if (!box_possible()) return;
  BoxLab lab;
  lab.start_scenario("box-sles.crm", {{"vm01", "node1"}, {"vg-xen", "node1"}});
  const SafetyWatch watch(lab, {"vm01", "vg-xen"});
  const auto loss = Clock::now();
  lab.box.set_uplink(lab.node1, false);

  const bool moved = lab.wait_running_on("vm01", "node2") && lab.wait_running_on("vg-xen", "node2");
  const double move = seconds_since(loss);
  const std::string status = lab.box.status();
  INFO(status);
  REQUIRE(moved);
  // Moved, not fenced: both nodes stay up, node1 with pingd 0.
  CHECK(lab.node1.running());
  CHECK(lab.box.bmc(lab.node1).powered());
  CHECK(status.find("Online: [ node1 node2 ]") != std::string::npos);
  const std::string pingd =
      lab.node2.run_checked({"crm_attribute", "-t", "status", "-N", "node1", "-n", "pingd", "-G"});
  CHECK(pingd.find("value=0") != std::string::npos);
  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.violations().empty());
  report("node1 loses the ping target -> vm01 running on node2", move);
}
