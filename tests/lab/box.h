// The box (issue 7): a real Pacemaker cluster of 2 or 3 nodes on this one machine, with a
// simulated BMC per node and one simulated APC PDU, all of whose power switches really
// stop and start the nodes.
//
// Each node is corosync + pacemakerd in a network namespace of its own (hkboxS-nodeK) with
// mount, UTS, IPC and PID namespaces of their own (sim/box-node is its init): its own
// /etc/corosync, /var/lib/pacemaker, /var/lib/corosync and /var/log (directories under the
// box's, so they survive a power cycle like a disk), a fresh /run and /dev/shm (libqb's IPC
// files; its abstract sockets are per network namespace already), host name nodeK and an
// /etc/hosts naming every node by its cluster address. With hypervisors, a node's libvirtd
// also listens on its cluster address (qemu+tcp://nodeK/system, no authentication) so
// that guests live-migrate between nodes.
// A box namespace (hkboxS) holds two bridges that every node plugs into:
//   cluster 10.251.0.0/24: node K is .K (corosync knet), node K's BMC .10K (ipmi_sim, UDP
//                          623), the PDU .200 (snmpd, UDP 161; outlet K is "nodeK")
//   public  10.252.0.0/24: node K is .K; .254 answers pings (the ping target)
// Every node is a storage server too: /srv is the box's shared/ directory in all of them
// (a shared disk, as a SAN LUN every node mounts would be), and it runs a tgtd of its own
// (default control port, iSCSI portal on all its addresses at 3260).
// A BMC's or the PDU's power-off kills every process of the node by PID, before the device
// answers; power-on (the BMC's power and the node's outlet both on) boots it again. Nothing
// is written outside the box's directory and namespaces; the destructor (or
// `hakit-lab cleanup` after a crash) kills the nodes and simulators and deletes the
// namespaces.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "apc_pdu_simulator.h"
#include "daemon.h"
#include "exec/command.h"
#include "ipmi_simulator.h"
#include "lab_record.h"

namespace hakit::lab {

/// One node of a box. It holds no state of its own (it is found through its namespace),
/// so the power hook, another process, drives a node just as the Box does.
class BoxNode {
 public:
  BoxNode(std::string box_dir, std::string box_netns, int index);
  /// The node `name` of the box in `box_dir`, for the power hook and `hakit-lab box run`.
  static BoxNode find(const std::string& box_dir, const std::string& name);

  const std::string& name() const { return name_; }  ///< "node1", as Pacemaker knows it
  int index() const { return index_; }
  std::string netns() const;
  std::string dir() const;  ///< its disk and logs: root/, console.log, power.log
  std::string cluster_address() const;
  std::string public_address() const;
  std::string bmc_address() const;

  /// Starts its init (sim/box-node), which starts corosync, then pacemakerd; returns at
  /// once (the BMC that powers it on must answer).
  void boot() const;
  /// Pulls the plug: SIGKILL to every process in its namespaces, until none is left.
  void power_off() const;
  /// PIDs of the processes in its network namespace; none when it is off.
  std::vector<pid_t> processes() const;
  bool running() const { return !processes().empty(); }
  /// The PID (as seen here) of its process named `program` (as /proc's comm shows it), 0
  /// when there is none.
  pid_t pid_of(const std::string& program) const;
  /// Runs argv inside the node, in all its namespaces (crm, crm_mon, stonith_admin...).
  exec::Result run(const std::vector<std::string>& argv,
                   std::chrono::milliseconds timeout = std::chrono::seconds(60)) const;
  /// The same; throws unless it exits 0, returns its output.
  std::string run_checked(const std::vector<std::string>& argv,
                          std::chrono::milliseconds timeout = std::chrono::seconds(120)) const;
  /// Whether `path` exists in the node's own file system view (false when it is off): the
  /// ground truth of what runs there, e.g. ocf:pacemaker:Dummy's /run/Dummy-ID.state.
  bool has_file(const std::string& path) const;

  /// What a reboot through the node's own shell does (ssh fencing): power off, a few
  /// seconds of silence on both its links (a rebooting machine answers no ping; its
  /// namespace would), then boot. `event` is logged.
  void reboot(const std::string& event) const;

  /// Makes the node follow its power sources: on while its BMC's power and its PDU
  /// outlet are both on, off otherwise (the simulators' power hook). `event` is logged.
  void follow_power(const std::string& event) const;

 private:
  std::string box_dir_;
  std::string box_netns_;
  int index_;
  std::string name_;
};

class Box {
 public:
  /// Creates the namespaces, BMCs and PDU and boots `nodes` nodes (2 or 3) with their
  /// files in `dir`, then waits until every node is online. With `hypervisors`, each node
  /// runs a libvirtd of its own (libvirt_host.h's settings), whose guests die with it.
  /// Throws on failure, after tearing down what it made.
  Box(const std::string& dir, int nodes, bool hypervisors = false);
  /// Kills the nodes and simulators and deletes the namespaces.
  ~Box();
  Box(const Box&) = delete;
  Box& operator=(const Box&) = delete;

  const std::vector<BoxNode>& nodes() const { return nodes_; }
  const BoxNode& node(const std::string& name) const;
  /// The box's namespace, where the bridges are: an initiator there is outside every node.
  const std::string& netns() const { return netns_; }
  /// The shared disk: this directory is kSharedDisk in every node.
  std::string shared_dir() const { return dir_ + "/shared"; }
  IpmiSimulator& bmc(const BoxNode& node) { return *bmcs_.at(size_t(node.index() - 1)); }
  ApcPduSimulator& pdu() { return *pdu_; }

  static constexpr const char* kSharedDisk = "/srv";
  static constexpr const char* kPingTarget = "10.252.0.254";
  static constexpr const char* kPduAddress = "10.251.0.200";
  static constexpr int kIpmiPort = 623;
  static constexpr int kSnmpPort = 161;
  /// In each node: a script printing the BMCs' password (fence_hakit_ipmi's
  /// password_script), so that no CIB holds it.
  static constexpr const char* kBmcPasswordScript = "/etc/corosync/bmc-password";
  static constexpr const char* kBmcUser = "admin";
  static constexpr const char* kPduCommunity = "private";  ///< read-write

  /// The command (an sshd's forced command, run by /bin/sh inside the node's network
  /// namespace) that reboots `node` from outside it (BoxNode::reboot): ssh fencing's hook.
  /// It exits 0 at once; the node goes off a moment later, as a rebooting machine does.
  std::string reboot_command(const BoxNode& node) const;

  /// Plugs the node's public link in or out (its own end: the others keep theirs).
  void set_uplink(const BoxNode& node, bool up) const;
  /// Whether every node in `names` is online as the running node `observer` sees it.
  bool online(const BoxNode& observer, const std::vector<std::string>& names) const;
  /// `crm_mon -1 -A -r` on the first node that answers.
  std::string status() const;

  /// Whether `record_name` is a Box's record; adopt_record() tears that box down.
  static bool is_record(const std::string& record_name);
  static void adopt_record(const std::string& record_name);

 private:
  void build(int nodes, bool hypervisors);
  void tear_down() noexcept;
  std::string dir_;
  std::string netns_;
  std::optional<Record> record_;
  std::vector<BoxNode> nodes_;
  std::vector<std::unique_ptr<IpmiSimulator>> bmcs_;
  std::unique_ptr<ApcPduSimulator> pdu_;
  /// A process in the box's network namespace that does nothing: reboot_command enters its
  /// namespaces to get out of the node's.
  std::optional<Daemon> outside_;
};

}  // namespace hakit::lab
