// The box's node failure (issue 7), scenario (c), examples/box-rhcs.crm, with Dummy
// services: node1's corosync dies, node2 fences node1 (whose device's power-off really
// kills it) and starts node1's service. First through node1's BMC and hakit's IPMI agent;
// then with that BMC dead, through the next level of fencing_topology, the PDU outlet
// that feeds node1. Throughout, a watch checks that no service runs on two nodes at once.
#include "box_lab.h"

using namespace box_test;

namespace {

/// Kills node1's corosync and waits until node2 fenced node1 through `device` and runs
/// both services; node1 is off for good.
void fail_node1(const BoxLab& lab, const std::string& device) {
  const Failure failure = kill_corosync(lab.node1);
  const bool taken_over = lab.wait_running_on("vm-web", "node2");
  report("node1 corosync killed -> vm-web running on node2 (" + device + ")",
         seconds_since(failure.at));
  report("node1 corosync killed -> node1 powered off (" + device + ")",
         last_power_off(lab.node1) - failure.wall_clock);
  const std::string status = lab.box.status();
  INFO(status);
  REQUIRE(taken_over);
  CHECK(lab.running("vm-db") == std::vector<std::string>{"node2"});
  CHECK(lab.node1.processes().empty());
  CHECK(lab.node2.running());
  CHECK(status.find("OFFLINE: [ node1 ]") != std::string::npos);
  // node2's fencer did it, with that device.
  const std::string history =
      lab.node2.run_checked({"stonith_admin", "--history", "node1", "--verbose"});
  INFO(history);
  CHECK(history.find("successful") != std::string::npos);
  CHECK_FALSE(fencer_runs(lab.node2, device, "node1").empty());
}

void check_never_twice(const SafetyWatch& watch) {
  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.violations().empty());
  CHECK(watch.checks() > 10);
}

}  // namespace

TEST_CASE("Box: node1's corosync dies, node2 fences it through its BMC and takes over",
          "[box][fence][ipmi]") {
  if (!box_possible()) return;
  BoxLab lab;
  lab.start_scenario("box-rhcs.crm", {{"vm-web", "node1"}, {"vm-db", "node2"}});
  const SafetyWatch watch(lab, {"vm-web", "vm-db"});
  fail_node1(lab, "fence-node1-ipmi");
  // Fenced for real: the BMC was told to switch off once, and it is off.
  const auto calls = lab.box.bmc(lab.node1).calls();
  CHECK(std::count(calls.begin(), calls.end(), "set power 0") == 1);
  CHECK_FALSE(lab.box.bmc(lab.node1).powered());
  CHECK(lab.box.bmc(lab.node2).powered());

  // An administrator on node2 powers node1 on through its BMC: it boots, rejoins, and
  // vm-web goes back to the node it prefers.
  const auto power_on = Clock::now();
  lab.node2.run_checked({"ipmitool", "-I", "lanplus", "-C", "3", "-H", lab.node1.bmc_address(),
                         "-p", "623", "-U", "admin", "-P", "secret", "chassis", "power", "on"});
  CHECK(lab.box.bmc(lab.node1).powered());
  const bool back = lab.wait_running_on("vm-web", "node1");
  report("node1 powered on -> vm-web back on node1", seconds_since(power_on));
  INFO(lab.box.status());
  CHECK(back);
  CHECK(lab.box.online(lab.node2, {"node1", "node2"}));
  check_never_twice(watch);
}

TEST_CASE("Box: a dead BMC makes node2 fence node1 through the PDU, never running twice",
          "[box][fence][rackpdu]") {
  if (!box_possible()) return;
  BoxLab lab;
  lab.start_scenario("box-rhcs.crm", {{"vm-web", "node1"}, {"vm-db", "node2"}});
  const SafetyWatch watch(lab, {"vm-web", "vm-db"});
  lab.box.bmc(lab.node1).stop();  // level 1 for node1 can only fail now
  fail_node1(lab, "fence-pdu");
  // Level 1 was tried first, and failed.
  CHECK_FALSE(fencer_runs(lab.node2, "fence-node1-ipmi", "node1").empty());
  // The PDU switched node1's outlet (1) off, and only that one.
  using Switch = hakit::lab::ApcPduSimulator::Switch;
  const auto switches = lab.box.pdu().switches();
  CHECK(std::count(switches.begin(), switches.end(), Switch{1, "off", "rpdu"}) == 1);
  CHECK(std::none_of(switches.begin(), switches.end(),
                     [](const Switch& each) { return each.outlet != 1; }));
  check_never_twice(watch);
}
