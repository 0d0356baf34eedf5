// The box's node failure with a real VM (issue 7): each node runs its own libvirtd, and
// scenario (c) with a guest (examples/box-rhcs.crm + box-vm.crm) runs vm1 under
// ocf:hakit:VirtualDomain on node1. node1's corosync dies, node2 fences node1 through its
// BMC (which kills node1 with its qemu) and starts vm1 itself; never on both at once.
// The same with scenario (b) (examples/box-heartbeat2.crm): the Xen vm01 on node1, whose
// corosync dies; node2 reboots node1 through the ssh clone (node1's sshd still answers)
// and starts vm01 only once the device saw node1 go silent; never on both at once.
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

TEST_CASE("Box: node1 fails, node2 reboots it through ssh and starts the Xen vm01",
          "[box][fence][ssh][vm]") {
  if (!box_possible()) return;
  BoxLab lab(true);
  const SshFencing ssh(lab);
  lab.load_heartbeat2_with_guest();
  {
    INFO(lab.box.status());
    REQUIRE(lab.wait_running_on("vm01", "node1"));
  }
  const pid_t qemu = lab.node1.pid_of("qemu-system-x86");
  CHECK(qemu > 0);
  const SafetyWatch watch(lab, {"vm01"});
  const Failure failure = kill_corosync(lab.node1);

  // node1 comes back after its reboot and vm01, which prefers it, may migrate back: this
  // waits for the takeover itself.
  const bool taken_over = lab.wait_running_on("vm01", "node2");
  report("node1 corosync killed -> vm01 running on node2 (st-ssh)", seconds_since(failure.at));
  report("node1 corosync killed -> node1 powered off (st-ssh)",
         last_power_off(lab.node1) - failure.wall_clock);
  INFO(lab.box.status());
  REQUIRE(taken_over);
  CHECK(kill(qemu, 0) != 0);
  check_ssh_reboot(lab.node1, lab.node2);
  CHECK(wait_member(lab.node2, "node1"));
  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.checks() > 10);
  CHECK(watch.violations().empty());
}
