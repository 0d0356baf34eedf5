// The box's node failure with a real VM (issue 7): each node runs its own libvirtd, and
// scenario (c) with a guest (examples/box-rhcs.crm + box-vm.crm) runs vm1 under
// ocf:hakit:VirtualDomain on node1. node1's corosync dies, node2 fences node1 through its
// BMC (which kills node1 with its qemu) and starts vm1 itself; never on both at once.
#include "box_lab.h"

using namespace box_test;

namespace {

/// Whether libvirt on `node` reports vm1 running (not merely created, still paused).
bool vm1_running_on(const hakit::lab::BoxNode& node) {
  return hakit::lab::wait_until(
      [&] {
        const auto state = node.run({"virsh", "domstate", "vm1"});
        return state.ok() && state.out.starts_with("running");
      },
      60s);
}

}  // namespace

TEST_CASE("Box: node1 fails, node2 fences it and starts its VM", "[box][fence][vm]") {
  if (!box_possible()) return;
  BoxLab lab(true);
  lab.load_rhcs_with_guest();
  {
    INFO(lab.box.status());
    REQUIRE(lab.wait_running_on("vm1", "node1"));
  }
  CHECK(vm1_running_on(lab.node1));
  const pid_t qemu = lab.node1.pid_of("qemu-system-x86");
  CHECK(qemu > 0);
  const SafetyWatch watch(lab, {"vm1"});
  const Failure failure = kill_corosync(lab.node1);

  const bool taken_over = lab.wait_running_on("vm1", "node2") && vm1_running_on(lab.node2);
  report("node1 corosync killed -> vm1 running on node2", seconds_since(failure.at));
  report("node1 corosync killed -> node1 powered off",
         last_power_off(lab.node1) - failure.wall_clock);
  INFO(lab.box.status());
  REQUIRE(taken_over);
  CHECK_FALSE(lab.box.bmc(lab.node1).powered());
  CHECK(lab.node1.processes().empty());  // its qemu included
  CHECK(kill(qemu, 0) != 0);
  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.violations().empty());
}
