// What the box tests share: a two-node box (tests/lab/box.h) with hakit's fence agents and
// OCF agents where the nodes' Pacemakers find them, a scenario from examples/ loaded, and
// a watch that the scenario's resources never run on two nodes at once.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "box.h"
#include "cluster.h"
#include "installed_file.h"
#include "libvirt_host.h"
#include "ssh_key.h"
#include "sshd.h"
#include "temp_dir.h"
#include "util/strings.h"

namespace box_test {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

/// Where ocf:pacemaker:Dummy keeps its state in a node: the ground truth of where the
/// resource runs, independent of what Pacemaker reports.
inline std::string dummy_state(const std::string& resource) {
  return "/run/Dummy-" + resource + ".state";
}

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

inline double wall_clock() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// When (wall clock) a power switch or a reboot last turned `node` off, from its power log
/// (lines "SECONDS EVENT: off" or "SECONDS EVENT: off (reboot)"); 0 if none did.
inline double last_power_off(const hakit::lab::BoxNode& node) {
  std::string log;
  hakit::read_file(node.dir() + "/power.log", log);
  double when = 0;
  for (const std::string& line : hakit::split(log, "\n"))
    if (line.ends_with(": off") || line.ends_with(": off (reboot)")) when = std::stod(line);
  return when;
}

struct BoxLab {
  /// A two-node box; with `hypervisors`, a libvirtd in each node.
  explicit BoxLab(bool hypervisors = false) : box(dir.path(), 2, hypervisors) {}

  // Installed before the nodes boot: each node's file system is a copy of this one's.
  hakit::lab::InstalledFile ipmi_agent{HAKIT_BUILD_FENCE_DIR "/fence_hakit_ipmi",
                                       "/usr/sbin/fence_hakit_ipmi"};
  hakit::lab::InstalledFile pdu_agent{HAKIT_BUILD_FENCE_DIR "/fence_hakit_rackpdu",
                                      "/usr/sbin/fence_hakit_rackpdu"};
  hakit::lab::InstalledFile ssh_plugin{HAKIT_BUILD_PLUGIN_DIR "/hakit-ssh",
                                       "/usr/lib/stonith/plugins/external/hakit-ssh"};
  hakit::lab::ProviderMount provider{HAKIT_BUILD_AGENT_DIR};
  hakit::lab::TempDir dir{"box"};
  hakit::lab::Box box;
  /// Resources that are libvirt guests (their emulator's pid file shows where they run);
  /// the others are Dummy resources, unless `evidence` tells where they run.
  std::set<std::string> guests;
  std::map<std::string, std::function<bool(const hakit::lab::BoxNode&)>> evidence;
  const hakit::lab::BoxNode& node1 = box.node("node1");
  const hakit::lab::BoxNode& node2 = box.node("node2");

  /// Loads examples/`name` into the CIB, with stonith-action=off so that a fenced node
  /// stays off for the test to see.
  void load(const std::string& name) const {
    node1.run_checked({"crm", "configure", "load", "update", HAKIT_SOURCE_DIR "/examples/" + name});
    node1.run_checked({"crm", "configure", "property", "stonith-action=off"});
  }

  /// Scenario (c) with a real guest (a box with hypervisors): box-rhcs.crm, then box-vm.crm's
  /// vm1 from the libvirt XML every node has.
  void load_rhcs_with_guest() {
    guests = {"vm1"};
    install_everywhere("/etc/libvirt/box/vm1.xml", hakit::lab::lab_domain_xml("vm1"));
    load("box-rhcs.crm");
    node1.run_checked(
        {"crm", "configure", "load", "update", HAKIT_SOURCE_DIR "/examples/box-vm.crm"});
  }

  /// Scenario (b) with its real guest (a box with hypervisors, SshFencing for st-ssh):
  /// box-heartbeat2.crm, with vm01 from the xm config every node has. Fencing reboots (the
  /// ssh device cannot switch a node off).
  void load_heartbeat2_with_guest() {
    guests = {"vm01"};
    std::string config;
    REQUIRE(hakit::read_file(HAKIT_SOURCE_DIR "/examples/xen/box-vm01.cfg", config));
    install_everywhere("/etc/libvirt/box/vm01.cfg", config);
    node1.run_checked(
        {"crm", "configure", "load", "update", HAKIT_SOURCE_DIR "/examples/box-heartbeat2.crm"});
  }

  /// Loads examples/`name` and waits until each resource runs where `placement` says.
  void start_scenario(const std::string& name,
                      const std::map<std::string, std::string>& placement) const {
    load(name);
    INFO(box.status());
    for (const auto& [resource, node] : placement) REQUIRE(wait_running_on(resource, node));
  }

  /// Writes `text` at `path` in every node's own file system (a guest's config, which
  /// the seeds kept on shared storage).
  void install_everywhere(const std::string& path, const std::string& text) const {
    for (const auto& node : box.nodes()) {
      const std::filesystem::path file = node.dir() + "/root" + path;
      std::filesystem::create_directories(file.parent_path());
      std::ofstream(file) << text;
    }
  }

  /// Whether `resource` runs on `node` now: its own evidence, a Dummy's state file, or a
  /// guest that its node's libvirt reports running (an emulator waiting for an incoming
  /// migration, paused, does not run it yet).
  bool runs_on(const std::string& resource, const hakit::lab::BoxNode& node) const {
    if (const auto found = evidence.find(resource); found != evidence.end())
      return found->second(node);
    if (!guests.contains(resource)) return node.has_file(dummy_state(resource));
    return node.has_file("/run/libvirt/qemu/" + resource + ".pid") &&
           guest_state(node, resource) == "running";
  }

  /// The nodes on which `resource` runs now.
  std::vector<std::string> running(const std::string& resource) const {
    std::vector<std::string> nodes;
    for (const auto& node : box.nodes())
      if (runs_on(resource, node)) nodes.push_back(node.name());
    return nodes;
  }

  /// `virsh domstate` of `guest` on `node`: "running", "paused"... or "" when unknown there.
  static std::string guest_state(const hakit::lab::BoxNode& node, const std::string& guest) {
    const auto state = node.run({"virsh", "domstate", guest}, 30s);
    return state.ok() ? std::string(hakit::trim(state.out)) : "";
  }

  /// Waits until `resource` runs on `node` alone.
  bool wait_running_on(const std::string& resource, const std::string& node,
                       std::chrono::milliseconds timeout = 180s) const {
    return hakit::lab::wait_until(
        [&] { return running(resource) == std::vector<std::string>{node}; }, timeout);
  }
};

/// hakit's ssh fencing in the box (examples/box-heartbeat2.crm): an sshd in each node's
/// network namespace on its cluster address, port 22, whose only command for the fencing
/// key is the node's reboot (Box::reboot_command); each node has that key and every
/// node's host key under /etc/corosync/fence-ssh. A node's sshd dies with it (power off)
/// and is not started again: one ssh fencing per node and test.
struct SshFencing {
  explicit SshFencing(const BoxLab& lab)
      : key(hakit::lab::generate_ssh_key(lab.dir / "id_fence", "box-fence")) {
    std::string known_hosts;
    for (const auto& node : lab.box.nodes()) {
      const std::string dir = lab.dir / ("sshd-" + node.name());
      std::filesystem::create_directories(dir);
      const std::string forced = lab.box.reboot_command(node);
      sshds.push_back(std::make_unique<hakit::lab::Sshd>(
          dir, hakit::lab::SshdConfig{
                   .address = node.cluster_address(),
                   .port = 22,
                   .authorized_keys = {hakit::cat("command=\"", forced,
                                                  "\",no-port-forwarding,no-pty ", key.public_key)},
                   .netns = node.netns()}));
      known_hosts += hakit::lab::known_hosts_entry(node.name() + "," + node.cluster_address(), 22,
                                                   sshds.back()->host_key().public_key);
    }
    std::string private_key;
    hakit::read_file(key.path, private_key);
    for (const auto& node : lab.box.nodes()) {
      const std::filesystem::path dir = node.dir() + "/root/etc/corosync/fence-ssh";
      std::filesystem::create_directories(dir);
      std::ofstream(dir / "id_fence") << private_key;
      std::filesystem::permissions(dir / "id_fence", std::filesystem::perms::owner_read |
                                                         std::filesystem::perms::owner_write);
      std::ofstream(dir / "known_hosts") << known_hosts;
    }
  }
  hakit::lab::SshKey key;
  std::vector<std::unique_ptr<hakit::lab::Sshd>> sshds;
};

/// What shows how `fencer`'s ssh device rebooted `target` (for failure messages):
/// `target`'s power log and reboot hook output, and `fencer`'s fencer log lines about it.
inline std::string ssh_reboot_evidence(const hakit::lab::BoxNode& target,
                                       const hakit::lab::BoxNode& fencer) {
  std::string power_log;
  hakit::read_file(target.dir() + "/power.log", power_log);
  std::string reboot_log;
  hakit::read_file(target.dir() + "/reboot.log", reboot_log);
  std::string fencer_log;
  hakit::read_file(fencer.dir() + "/root/var/log/pacemaker/pacemaker.log", fencer_log);
  std::string evidence = hakit::cat("power.log:\n", power_log, "reboot.log:\n", reboot_log,
                                    fencer.name(), "'s fencer:\n");
  for (const std::string& line : hakit::split(fencer_log, "\n"))
    if (line.find("pacemaker-fenced") != std::string::npos &&
        (line.find("hakit-ssh") != std::string::npos ||
         line.find(target.name()) != std::string::npos))
      evidence += line + "\n";
  return evidence;
}

/// Checks that `fencer`'s ssh device rebooted `target` for real: the reboot hook switched
/// it off (its power log), and the device confirmed by seeing it go silent (the external
/// plugin's own log line, in the fencer's log).
inline void check_ssh_reboot(const hakit::lab::BoxNode& target, const hakit::lab::BoxNode& fencer) {
  INFO(ssh_reboot_evidence(target, fencer));
  std::string power_log;
  hakit::read_file(target.dir() + "/power.log", power_log);
  CHECK(power_log.find("ssh-reboot: off (reboot)") != std::string::npos);
  std::string fencer_log;
  hakit::read_file(fencer.dir() + "/root/var/log/pacemaker/pacemaker.log", fencer_log);
  CHECK(fencer_log.find(target.name() + " stopped answering pings") != std::string::npos);
}

/// Waits until `observer` lists `node` as a cluster member (after a reboot; a node in
/// standby is a member but not "Online").
inline bool wait_member(const hakit::lab::BoxNode& observer, const std::string& node) {
  return hakit::lab::wait_until(
      [&] {
        const auto members = observer.run({"crm_node", "-l"}, 20s);
        return members.ok() && members.out.find(node + " member") != std::string::npos;
      },
      120s);
}

/// Whether the box can run here; says why not when it cannot.
inline bool box_possible() {
  if (::geteuid() == 0) return true;
  WARN("skipped: the box needs root (namespaces, mounts)");
  return false;
}

struct Failure {
  Clock::time_point at;
  double wall_clock;  ///< seconds since the epoch, to compare with a node's power log
};

/// Kills `node`'s corosync (SIGKILL, by PID): the node drops out of the cluster.
inline Failure kill_corosync(const hakit::lab::BoxNode& node) {
  const pid_t corosync = node.pid_of("corosync");
  REQUIRE(corosync > 0);
  const Failure failure{Clock::now(), wall_clock()};
  REQUIRE(kill(corosync, SIGKILL) == 0);
  return failure;
}

/// Watches, every 50 ms on a thread of its own, that none of `resources` runs on two
/// nodes at once, until it is destroyed; violations() says when one did. The nodes are
/// read one after the other, so a resource moving between two reads (a live migration's
/// switch-over) would look like two; it counts when two consecutive rounds agree.
class SafetyWatch {
 public:
  SafetyWatch(const BoxLab& lab, std::vector<std::string> resources)
      : lab_(lab), resources_(std::move(resources)), thread_([this] { watch(); }) {}
  ~SafetyWatch() {
    stop_ = true;
    thread_.join();
  }
  std::vector<std::string> violations() const {
    const std::lock_guard lock(mutex_);
    return violations_;
  }
  int checks() const { return checks_; }

 private:
  void watch() {
    std::map<std::string, std::vector<std::string>> before;
    while (!stop_) {
      for (const std::string& resource : resources_) {
        const auto nodes = lab_.running(resource);
        std::vector<std::string> both;
        std::ranges::set_intersection(nodes, before[resource], std::back_inserter(both));
        if (both.size() > 1) {
          const std::lock_guard lock(mutex_);
          violations_.push_back(hakit::cat(resource, " on ", hakit::join(both, " and ")));
        }
        before[resource] = nodes;
      }
      ++checks_;
      std::this_thread::sleep_for(50ms);
    }
  }
  const BoxLab& lab_;
  std::vector<std::string> resources_;
  mutable std::mutex mutex_;
  std::vector<std::string> violations_;
  std::atomic<int> checks_ = 0;
  std::atomic<bool> stop_ = false;
  std::thread thread_;
};

/// The lines of `node`'s Pacemaker log in which its fencer ran `device` against `target`
/// ("Operation 'off' [PID] targeting node1 using fence-pdu returned 0").
inline std::vector<std::string> fencer_runs(const hakit::lab::BoxNode& node,
                                            const std::string& device, const std::string& target) {
  std::string log;
  hakit::read_file(node.dir() + "/root/var/log/pacemaker/pacemaker.log", log);
  std::vector<std::string> runs;
  for (const std::string& line : hakit::split(log, "\n")) {
    if (line.find("pacemaker-fenced") != std::string::npos &&
        line.find("targeting " + target) != std::string::npos &&
        line.find("using " + device + " ") != std::string::npos) {
      runs.push_back(line);
    }
  }
  return runs;
}

/// Prints a measured time (the tests assert no timings; the report quotes them).
inline void report(const std::string& what, double seconds) {
  std::cout << "box timing: " << what << ": " << hakit::cat(seconds) << " s" << std::endl;
}

}  // namespace box_test
