// hakit-lab: the lab's peers from the shell, for the demo script and for cleaning up
// after a crashed test. It drives the same classes as the integration tests.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "apc_pdu_simulator.h"
#include "box.h"
#include "cleanup.h"
#include "cluster.h"
#include "drac_simulator.h"
#include "ipmi_simulator.h"
#include "libvirt_host.h"
#include "loop_device.h"
#include "ssh_key.h"
#include "util/strings.h"

namespace {

namespace fs = std::filesystem;
using namespace hakit::lab;

// Where `loop create` notes the device it attached, for `loop destroy`.
fs::path loop_note(const fs::path& state) { return state / "loop.device"; }

void start_cluster(const fs::path& state) {
  Cluster cluster(state.string());
  cluster.release();
  std::cout << "cluster started (node " << Cluster::kNodeName << "), state in " << state << "\n";
}

void stop_cluster(const fs::path& state) {
  Cluster::adopt(state.string());
  std::cout << "cluster stopped, CIB wiped\n";
}

void create_loop(const fs::path& state, int size_mb, const std::string& fstype) {
  if (fs::exists(loop_note(state)))
    throw std::runtime_error("a loop device is already noted in " + loop_note(state).string());
  LoopDevice loop((state / "disk.img").string(), size_mb, fstype);
  std::ofstream(loop_note(state)) << loop.device() << "\n";
  loop.release();
  std::cout << loop.device() << "\n";
}

void destroy_loop(const fs::path& state) {
  std::string device;
  std::ifstream(loop_note(state)) >> device;
  if (device.empty()) throw std::runtime_error("no loop device noted in " + state.string());
  LoopDevice::adopt(device);
  fs::remove(loop_note(state));
  std::cout << "detached " << device << "\n";
}

/// A simulated BMC (user admin, password secret) for as long as stdin stays open: prints
/// "PORT POWER_FILE" once it answers, stops it at end of input (bench/ipmi.sh).
void serve_ipmi(const fs::path& state) {
  IpmiSimulator bmc(state.string(), {});
  std::cout << bmc.port() << " " << bmc.power_file() << std::endl;
  for (std::string line; std::getline(std::cin, line);) {
  }
}

/// A simulated DRAC 5 accepting a login key made in the state directory, for as long as
/// stdin stays open: prints "PORT KEY KNOWN_HOSTS POWER_FILE" once it answers, stops it at
/// end of input (bench/drac5.sh).
void serve_drac(const fs::path& state) {
  const SshKey key = generate_ssh_key((state / "id_drac").string(), "hakit-lab-drac");
  DracSimulator drac(state.string(), {key.public_key});
  std::cout << drac.sshd().port() << " " << key.path << " " << drac.sshd().known_hosts() << " "
            << drac.power_file() << std::endl;
  for (std::string line; std::getline(std::cin, line);) {
  }
}

/// A simulated APC rPDU with outlets node1..node8 (communities public and private) for as
/// long as stdin stays open: prints "PORT STATE_FILE" once it listens, stops it at end of
/// input (bench/rackpdu.sh).
void serve_apc_pdu(const fs::path& state) {
  ApcPduSimulator pdu(state.string(), {.outlets = {"node1", "node2", "node3", "node4", "node5",
                                                   "node6", "node7", "node8"}});
  std::cout << pdu.port() << " " << pdu.state_file() << std::endl;
  for (std::string line; std::getline(std::cin, line);) {
  }
}

/// A simulated libvirt host (libvirtd + qemu) with one small running domain NAME (config in
/// the state directory) for as long as stdin stays open: prints "URI CONFIG" once the domain
/// runs, destroys it and stops libvirtd at end of input (bench/virt.sh).
void serve_libvirt_host(const fs::path& state, const std::string& domain) {
  LibvirtHost host((state / "host").string(), 1);
  const std::string config = (state / "domain.xml").string();
  std::ofstream(config) << lab_domain_xml(domain);
  host.virsh({"create", config});
  std::cout << host.uri() << " " << config << std::endl;
  for (std::string line; std::getline(std::cin, line);) {
  }
}

/// The box (box.h) until SIGTERM or SIGINT: prints `crm_mon` once every node is online
/// and notes this process's PID in the state directory for `box stop`.
void run_box(const fs::path& state, int nodes, bool hypervisors) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigprocmask(SIG_BLOCK, &stop_signals, nullptr);
  const Box box(state.string(), nodes, hypervisors);
  std::cout << box.status() << std::endl;
  std::ofstream(state / "box.pid") << getpid() << "\n";
  std::cout << "box ready: " << nodes << " nodes, state in " << state << std::endl;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  fs::remove(state / "box.pid");
  std::cout << "stopping the box" << std::endl;
}

void stop_box(const fs::path& state) {
  pid_t pid = -1;
  std::ifstream(state / "box.pid") >> pid;
  Daemon box = Daemon::adopt(pid, "hakit-lab");
  if (!box.running()) throw std::runtime_error("no box is running with state in " + state.string());
  box.stop(std::chrono::seconds(60));
  std::cout << "box stopped\n";
}

/// Runs `argv` inside `node`, passing its output and exit status through.
int run_in_box(const fs::path& state, const std::string& node,
               const std::vector<std::string>& argv) {
  const auto result = BoxNode::find(state.string(), node).run(argv, std::chrono::minutes(5));
  std::cout << result.out;
  std::cerr << result.err;
  return result.exit_status < 0 ? 1 : result.exit_status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"hakit lab: a real single-node Pacemaker cluster and loop devices for tests"};
  app.require_subcommand(1);
  std::string state_dir;
  int size_mb = 64;
  std::string fstype = "ext4";

  auto* cluster =
      app.add_subcommand("cluster", "corosync + Pacemaker on 127.0.0.1")->require_subcommand(1);
  auto* cluster_start = cluster->add_subcommand("start", "start and wait until node1 is DC");
  auto* cluster_stop = cluster->add_subcommand("stop", "stop it and wipe the CIB");
  auto* loop =
      app.add_subcommand("loop", "a loop device over an image file")->require_subcommand(1);
  auto* loop_create = loop->add_subcommand("create", "attach, make a filesystem, print the device");
  auto* loop_destroy = loop->add_subcommand("destroy", "unmount, detach, delete the image");
  auto* ipmi = app.add_subcommand("ipmi-bmc", "a simulated BMC (ipmi_sim) until stdin closes");
  for (auto* command : {cluster_start, cluster_stop, loop_create, loop_destroy, ipmi})
    command->add_option("--state", state_dir, "directory for config, logs and PIDs")->required();
  loop_create->add_option("--size-mb", size_mb, "image size")->check(CLI::Range(16, 65536));
  loop_create->add_option("--fstype", fstype, "filesystem to make (empty: none)");
  auto* drac = app.add_subcommand("drac", "a simulated DRAC 5 (sshd + racadm) until stdin closes");
  drac->add_option("--state", state_dir, "directory for config, keys, logs and power state")
      ->required();
  auto* apc_pdu = app.add_subcommand("apc-pdu", "a simulated APC PDU (snmpd) until stdin closes");
  apc_pdu->add_option("--state", state_dir, "directory for config, logs and the PDU's state")
      ->required();
  std::string domain = "hakit-bench";
  auto* libvirt =
      app.add_subcommand("libvirt-host", "libvirtd + one running qemu domain until stdin closes");
  libvirt->add_option("--state", state_dir, "directory for the host's state and the domain XML")
      ->required();
  libvirt->add_option("--domain", domain, "name of the domain");
  auto* cleanup = app.add_subcommand("cleanup", "undo what crashed tests left behind");

  auto* box = app.add_subcommand("box", "a cluster of 2 or 3 nodes in namespaces (box.h)")
                  ->require_subcommand(1);
  int nodes = 2;
  std::string node;
  std::vector<std::string> words;
  auto* box_start = box->add_subcommand("start", "run it until SIGTERM or SIGINT");
  box_start->add_option("--nodes", nodes, "how many nodes")->check(CLI::Range(2, 3));
  bool hypervisors = false;
  box_start->add_flag("--libvirt", hypervisors, "a libvirtd in each node (qemu:///system)");
  auto* box_stop = box->add_subcommand("stop", "stop the box that `box start` runs");
  auto* box_run = box->add_subcommand(
      "run", "run a command inside a node: box run --state DIR node1 -- crm_mon -1");
  auto* box_power = box->add_subcommand(
      "power", "make a node follow its BMC and PDU outlet (the simulators' power hook)");
  auto* box_reboot = box->add_subcommand(
      "reboot", "power a node off, silence its links and boot it (ssh fencing's hook)");
  for (auto* command : {box_run, box_power, box_reboot}) {
    command->add_option("node", node, "node1, node2 or node3")->required();
    command->add_option("words", words, "the command; the power event, logged")->required();
  }
  for (auto* command : {box_start, box_stop, box_run, box_power, box_reboot})
    command->add_option("--state", state_dir, "the box's directory")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    const fs::path state = state_dir.empty() ? fs::path() : fs::absolute(state_dir);
    if (!state.empty()) fs::create_directories(state);
    if (*cluster_start) start_cluster(state);
    if (*cluster_stop) stop_cluster(state);
    if (*loop_create) create_loop(state, size_mb, fstype);
    if (*loop_destroy) destroy_loop(state);
    if (*ipmi) serve_ipmi(state);
    if (*drac) serve_drac(state);
    if (*apc_pdu) serve_apc_pdu(state);
    if (*libvirt) serve_libvirt_host(state, domain);
    if (*cleanup)
      for (const auto& line : clean_up_stale_state()) std::cout << line << "\n";
    if (*box_start) run_box(state, nodes, hypervisors);
    if (*box_stop) stop_box(state);
    if (*box_run) return run_in_box(state, node, words);
    if (*box_power) BoxNode::find(state.string(), node).follow_power(hakit::join(words, " "));
    if (*box_reboot) BoxNode::find(state.string(), node).reboot(hakit::join(words, " "));
  } catch (const std::exception& error) {
    std::cerr << "hakit-lab: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
