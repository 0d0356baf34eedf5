// Standby with live migration in the box (issues 7 and 9): each node runs its own
// libvirtd, a guest runs on node1 under hakit's Xen agent (scenario (b),
// examples/box-heartbeat2.crm, with its ssh fencing clone against an sshd in each node) or
// VirtualDomain agent (scenario (c), examples/box-rhcs.crm + box-vm.crm, with IPMI
// fencing), and node1 goes into standby: Pacemaker live-migrates the guest to node2
// (migrate_to on node1, migrate_from on node2) instead of stopping and starting it, and it
// never runs on both nodes. In scenario (b) node2 then fences node1 through the ssh clone.
#include <signal.h>

#include "box_lab.h"

using namespace box_test;

namespace {

/// The lines of both nodes' Pacemaker logs in which a controller reported an operation on
/// `resource` ("Result of migrate_to operation for vm01 on node1: ok | ...").
std::vector<std::string> operation_results(const BoxLab& lab, const std::string& resource) {
  std::vector<std::string> results;
  for (const auto& node : lab.box.nodes()) {
    std::string log;
    hakit::read_file(node.dir() + "/root/var/log/pacemaker/pacemaker.log", log);
    for (const std::string& line : hakit::split(log, "\n"))
      if (line.find("Result of ") != std::string::npos &&
          line.find(" operation for " + resource + " on ") != std::string::npos)
        results.push_back(line);
  }
  return results;
}

bool has_result(const std::vector<std::string>& results, const std::string& what) {
  return std::ranges::any_of(
      results, [&](const std::string& line) { return line.find(what) != std::string::npos; });
}

std::string command_line(pid_t pid) {
  std::string text;
  hakit::read_file(hakit::cat("/proc/", pid, "/cmdline"), text);
  std::ranges::replace(text, '\0', ' ');
  return text;
}

/// `guest` runs on node1; node1 goes into standby. The guest must arrive on node2 by live
/// migration: node2's emulator was started for an incoming migration (-incoming) and
/// libvirt there completed one, node1's emulator is gone, Pacemaker ran migrate_to and
/// migrate_from and never started the guest on node2, and the guest never ran on both.
void check_standby_migration(const BoxLab& lab, const std::string& guest) {
  {
    INFO(lab.box.status());
    REQUIRE(lab.wait_running_on(guest, "node1"));
  }
  const pid_t source = lab.node1.pid_of("qemu-system-x86");
  REQUIRE(source > 0);
  const SafetyWatch watch(lab, {guest});
  const Clock::time_point standby = Clock::now();
  lab.node1.run_checked({"crm", "node", "standby", "node1"});

  const bool arrived = lab.wait_running_on(guest, "node2");
  report("standby of node1 -> " + guest + " running on node2 (live migration)",
         seconds_since(standby));
  INFO(lab.box.status());
  REQUIRE(arrived);
  const pid_t target = lab.node2.pid_of("qemu-system-x86");
  REQUIRE(target > 0);
  CHECK(command_line(target).find(" -incoming ") != std::string::npos);
  const auto job = lab.node2.run({"virsh", "domjobinfo", guest, "--completed"});
  INFO(job.out << job.err);
  CHECK(job.out.find("Incoming migration") != std::string::npos);
  for (const std::string& line : hakit::split(job.out, "\n"))
    if (line.starts_with("Time elapsed:")) std::cout << "box timing: libvirt's " << line << "\n";
  CHECK(hakit::lab::wait_until([&] { return kill(source, 0) != 0; }, 30s));

  const bool confirmed = hakit::lab::wait_until(
      [&] {
        const auto results = operation_results(lab, guest);
        return has_result(results, "migrate_to operation for " + guest + " on node1: ok") &&
               has_result(results, "migrate_from operation for " + guest + " on node2: ok");
      },
      30s);
  const auto results = operation_results(lab, guest);
  INFO(hakit::join(results, "\n"));
  CHECK(confirmed);
  CHECK_FALSE(has_result(results, "start operation for " + guest + " on node2"));
  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.checks() > 0);
  CHECK(watch.violations().empty());
}

}  // namespace

TEST_CASE(
    "Box: standby of node1 live-migrates the Xen vm01 to node2 then ssh fencing reboots node1",
    "[box][vm][migrate][ssh]") {
  if (!box_possible()) return;
  BoxLab lab(true);
  const SshFencing ssh(lab);
  lab.load_heartbeat2_with_guest();

  check_standby_migration(lab, "vm01");

  // The ssh clone is the cluster's fencing: node2 reboots node1 through node1's sshd. The
  // device reports success only once node1 went silent, so by then node1 is off.
  const pid_t corosync = lab.node1.pid_of("corosync");
  REQUIRE(corosync > 0);
  const Clock::time_point fencing = Clock::now();
  const auto fenced =
      lab.node2.run({"stonith_admin", "--reboot", "node1", "--tolerance", "0"}, 120s);
  report("stonith_admin --reboot node1 through st-ssh (node2)", seconds_since(fencing));
  const bool corosync_gone = kill(corosync, 0) != 0;
  {
    INFO(fenced.out << fenced.err << "\n" << ssh_reboot_evidence(lab.node1, lab.node2));
    REQUIRE(fenced.ok());
  }
  CHECK(corosync_gone);
  check_ssh_reboot(lab.node1, lab.node2);
  // node1 boots and rejoins (as a member: it is still in standby, so not "Online").
  CHECK(wait_member(lab.node2, "node1"));
  report("stonith_admin --reboot node1 -> node1 a member again", seconds_since(fencing));
  CHECK(lab.running("vm01") == std::vector<std::string>{"node2"});
}

TEST_CASE("Box: standby of node1 live-migrates the VirtualDomain vm1 to node2",
          "[box][vm][migrate]") {
  if (!box_possible()) return;
  BoxLab lab(true);
  lab.load_rhcs_with_guest();

  check_standby_migration(lab, "vm1");
}
