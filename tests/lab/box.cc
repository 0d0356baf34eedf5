#include "box.h"

#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "cluster_config.h"
#include "daemon.h"
#include "libvirt_host.h"
#include "run_checked.h"
#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::lab {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr std::string_view kRecordPrefix = "box-";
constexpr const char* kClusterBridge = "hkcl";
constexpr const char* kPublicBridge = "hkpub";
constexpr const char* kClusterNet = "10.251.0.";
constexpr const char* kPublicNet = "10.252.0.";
constexpr auto kOnline = 120s;

void write_file(const fs::path& path, const std::string& text, fs::perms mode = fs::perms(0644)) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  out.close();
  fs::permissions(path, mode);
}

std::string read_text(const fs::path& path) {
  std::string text;
  if (!read_file(path, text)) throw std::runtime_error("cannot read " + path.string());
  return std::string(trim(text));
}

std::string box_netns_of(int box) { return cat("hkbox", box); }

/// A box number whose namespace does not exist; starting at a PID-derived place makes
/// concurrent lab processes unlikely to race for the same one.
int free_box_number() {
  const std::string in_use = run_checked({"ip", "netns", "list"});
  for (int i = 0; i < 100; ++i) {
    const int box = (int(::getpid()) + i) % 100;
    if (in_use.find(box_netns_of(box) + " ") == std::string::npos &&
        in_use.find(box_netns_of(box) + "-") == std::string::npos &&
        in_use.find(box_netns_of(box) + "\n") == std::string::npos) {
      return box;
    }
  }
  throw std::runtime_error("no free box number (hkboxN network namespaces)");
}

void ip(const std::string& netns, std::vector<std::string> args) {
  args.insert(args.begin(), {"ip", "-n", netns});
  run_checked(args);
}

std::string power_hook_log(const BoxNode& node) { return node.dir() + "/power.log"; }

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

BoxNode::BoxNode(std::string box_dir, std::string box_netns, int index)
    : box_dir_(std::move(box_dir)),
      box_netns_(std::move(box_netns)),
      index_(index),
      name_(cat("node", index)) {}

BoxNode BoxNode::find(const std::string& box_dir, const std::string& name) {
  const std::string netns = read_text(fs::path(box_dir) / "netns");
  if (!name.starts_with("node")) throw std::runtime_error("no node " + name + " in the box");
  const int index = std::stoi(name.substr(4));
  BoxNode node(box_dir, netns, index);
  if (!fs::is_directory(node.dir())) throw std::runtime_error("no node " + name + " in the box");
  return node;
}

std::string BoxNode::netns() const { return cat(box_netns_, "-", name_); }
std::string BoxNode::dir() const { return cat(box_dir_, "/", name_); }
std::string BoxNode::cluster_address() const { return cat(kClusterNet, index_); }
std::string BoxNode::public_address() const { return cat(kPublicNet, index_); }
std::string BoxNode::bmc_address() const { return cat(kClusterNet, 100 + index_); }

void BoxNode::boot() const {
  // setsid -f: the node's init is nobody's child here (no zombie in a test process when a
  // power hook kills it); the init is PID 1 of its own PID namespace.
  Daemon starter({"/usr/bin/setsid", "-f", "/bin/ip", "netns", "exec", netns(), "/usr/bin/unshare",
                  "-m", "-u", "-i", "-p", "-f", "--mount-proc", "--propagation", "private",
                  HAKIT_LAB_SIM_DIR "/box-node", dir(), name_},
                 dir() + "/console.log");
  // setsid exits once it forked; its child must not be killed with its process group
  // before it made a session of its own.
  wait_until([&] { return !starter.running(); }, 10s);
  starter.release();
}

std::vector<pid_t> BoxNode::processes() const {
  // What `ip netns pids` does, without a process of its own (the tests ask often): the
  // processes whose network namespace is the node's. Zombies have none.
  std::vector<pid_t> pids;
  struct stat node_netns {};
  if (stat(("/run/netns/" + netns()).c_str(), &node_netns) != 0) return pids;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/proc", error)) {
    const std::string pid = entry.path().filename();
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    struct stat netns {};
    if (stat(("/proc/" + pid + "/ns/net").c_str(), &netns) == 0 &&
        netns.st_ino == node_netns.st_ino && netns.st_dev == node_netns.st_dev) {
      pids.push_back(std::stoi(pid));
    }
  }
  return pids;
}

pid_t BoxNode::pid_of(const std::string& program) const {
  for (const pid_t pid : processes()) {
    std::string comm;
    if (read_file(cat("/proc/", pid, "/comm"), comm) && trim(comm) == program) return pid;
  }
  return 0;
}

void BoxNode::power_off() const {
  // The init first: its PID namespace dies with it. Then whatever entered the namespaces
  // from outside (nsenter), until nothing is left.
  if (const pid_t init = pid_of("box-node")) kill(init, SIGKILL);
  wait_until(
      [&] {
        const auto pids = processes();
        for (const pid_t pid : pids) kill(pid, SIGKILL);
        return pids.empty();
      },
      10s);
}

exec::Result BoxNode::run(const std::vector<std::string>& argv,
                          std::chrono::milliseconds timeout) const {
  const pid_t init = pid_of("box-node");
  if (init == 0) {
    exec::Result off;
    off.exit_status = 255;
    off.err = name_ + " is not running";
    return off;
  }
  std::vector<std::string> command = {"nsenter", "-t", std::to_string(init), "-m", "-u", "-i", "-n",
                                      "-p",      "--"};
  command.insert(command.end(), argv.begin(), argv.end());
  return exec::run({.argv = command}, exec::Deadline::in(timeout));
}

std::string BoxNode::run_checked(const std::vector<std::string>& argv,
                                 std::chrono::milliseconds timeout) const {
  const auto result = run(argv, timeout);
  if (!result.ok())
    throw std::runtime_error(cat("on ", name_, ": ", join(argv, " "), ": ", result.describe(), ": ",
                                 result.first_error_line()));
  return result.out;
}

bool BoxNode::has_file(const std::string& path) const {
  const pid_t init = pid_of("box-node");
  std::error_code ignored;
  return init != 0 && fs::exists(cat("/proc/", init, "/root", path), ignored);
}

void BoxNode::reboot(const std::string& event) const {
  constexpr auto kSilence = 5s;  // the ssh device needs 1.5 s of silence to confirm
  power_off();
  for (const char* link : {"eth0", "eth1"}) ip(netns(), {"link", "set", link, "down"});
  std::ofstream(power_hook_log(*this), std::ios::app)
      << cat(std::to_string(now_seconds()), " ", event, ": off (reboot)\n");
  std::this_thread::sleep_for(kSilence);
  for (const char* link : {"eth0", "eth1"}) ip(netns(), {"link", "set", link, "up"});
  boot();
  std::ofstream(power_hook_log(*this), std::ios::app)
      << cat(std::to_string(now_seconds()), " ", event, ": on (reboot)\n");
}

void BoxNode::follow_power(const std::string& event) const {
  // One switch at a time: the BMC and the PDU may both be switching this node.
  const UniqueFd lock(open((dir() + "/power.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (!lock.valid() || flock(lock.get(), LOCK_EX) != 0)
    throw std::runtime_error("cannot lock " + dir() + "/power.lock");
  bool outlet_on = true;
  for (const auto& outlet : ApcPduSimulator::outlets(box_dir_ + "/pdu/pdu.json"))
    if (outlet.name == name_) outlet_on = outlet.on;
  const bool on = read_text(dir() + "/bmc/chassis/power") == "1" && outlet_on;
  const bool was_running = running();
  if (!on) power_off();
  if (on && !was_running) boot();
  std::ofstream(power_hook_log(*this), std::ios::app)
      << cat(std::to_string(now_seconds()), " ", event, ": ", on ? "on" : "off",
             on == was_running ? " (unchanged)" : "")
      << "\n";
}

Box::Box(const std::string& dir, int nodes, bool hypervisors) : dir_(dir) {
  if (nodes < 2 || nodes > 3) throw std::invalid_argument("a box has 2 or 3 nodes");
  const int number = free_box_number();
  netns_ = box_netns_of(number);
  fs::create_directories(dir_);
  write_file(fs::path(dir_) / "netns", netns_ + "\n");
  record_.emplace(cat(kRecordPrefix, number), dir_);
  try {
    build(nodes, hypervisors);
  } catch (...) {
    tear_down();  // the destructor does not run when the constructor throws
    throw;
  }
}

void Box::build(int count, bool hypervisors) {
  fs::create_directories(shared_dir());
  run_checked({"ip", "netns", "add", netns_});
  ip(netns_, {"link", "set", "lo", "up"});
  for (const auto& [bridge, address] : {std::pair{kClusterBridge, cat(kClusterNet, 254)},
                                        std::pair{kPublicBridge, std::string(kPingTarget)}}) {
    ip(netns_, {"link", "add", bridge, "type", "bridge"});
    ip(netns_, {"addr", "add", address + "/24", "dev", bridge});
    ip(netns_, {"link", "set", bridge, "up"});
  }
  ip(netns_, {"addr", "add", cat(kPduAddress, "/24"), "dev", kClusterBridge});

  std::vector<CorosyncNode> members;
  for (int index = 1; index <= count; ++index) {
    nodes_.emplace_back(dir_, netns_, index);
    members.push_back({nodes_.back().name(), nodes_.back().cluster_address()});
  }
  // Every node knows the others by name on the cluster network (ssh fencing's hostlist,
  // libvirt's migration target), and its own name is not 127.0.0.1 (libvirt refuses
  // that for an incoming migration).
  std::string hosts = "127.0.0.1 localhost\n::1 localhost\n";
  for (const BoxNode& node : nodes_) hosts += cat(node.cluster_address(), " ", node.name(), "\n");
  for (const BoxNode& node : nodes_) {
    run_checked({"ip", "netns", "add", node.netns()});
    ip(node.netns(), {"link", "set", "lo", "up"});
    for (const auto& [bridge, link, address] :
         {std::tuple{kClusterBridge, "eth0", node.cluster_address()},
          std::tuple{kPublicBridge, "eth1", node.public_address()}}) {
      const std::string outside = cat(bridge == kClusterBridge ? "cl-" : "pub-", node.name());
      ip(netns_,
         {"link", "add", outside, "type", "veth", "peer", "name", link, "netns", node.netns()});
      ip(netns_, {"link", "set", outside, "master", bridge, "up"});
      ip(node.netns(), {"addr", "add", address + "/24", "dev", link});
      ip(node.netns(), {"link", "set", link, "up"});
    }
    ip(netns_, {"addr", "add", node.bmc_address() + "/24", "dev", kClusterBridge});

    const fs::path root = fs::path(node.dir()) / "root";
    for (const char* path :
         {"etc/corosync", "var/lib/corosync", "var/log/corosync", "var/log/crmsh"})
      fs::create_directories(root / path);
    run_checked({"install", "-d", "-o", "hacluster", "-g", "haclient", "-m", "0750",
                 root / "var/lib/pacemaker", root / "var/lib/pacemaker/cib",
                 root / "var/lib/pacemaker/pengine", root / "var/lib/pacemaker/blackbox",
                 root / "var/lib/pacemaker/cores", root / "var/log/pacemaker"});
    write_file(root / "etc/corosync/corosync.conf", corosync_config(members));
    write_file(root / "etc/hosts", hosts);
    const fs::path seed = fs::path(node.dir()) / "cib-seed.xml";
    write_file(seed, seed_cib());
    run_checked({"install", "-o", "hacluster", "-g", "haclient", "-m", "600", seed,
                 root / "var/lib/pacemaker/cib/cib.xml"});
    write_file(root / std::string(kBmcPasswordScript).substr(1), "#!/bin/sh\necho secret\n",
               fs::perms(0700));
    if (hypervisors) {
      for (const char* path :
           {"etc/libvirt", "var/lib/libvirt", "var/cache/libvirt", "var/log/libvirt"})
        fs::create_directories(root / path);
      write_file(root / "etc/libvirt/qemu.conf", libvirt_qemu_conf());
      write_file(root / "etc/libvirt/libvirtd.conf",
                 libvirtd_conf("/var/log/libvirt", node.index(), node.cluster_address()));
    }

    bmcs_.push_back(std::make_unique<IpmiSimulator>(
        node.dir() + "/bmc",
        IpmiSimulator::Config{.username = kBmcUser,
                              .password = "secret",
                              .netns = netns_,
                              .address = node.bmc_address(),
                              .port = kIpmiPort,
                              .power_hook = {HAKIT_LAB_PROGRAM, "box", "power", "--state", dir_,
                                             node.name(), "bmc-power"}}));
  }
  std::vector<std::string> outlets;
  for (const BoxNode& node : nodes_) outlets.push_back(node.name());
  pdu_ = std::make_unique<ApcPduSimulator>(
      dir_ + "/pdu",
      ApcPduSimulator::Config{.outlets = outlets,
                              .write_community = kPduCommunity,
                              .netns = netns_,
                              .address = kPduAddress,
                              .port = kSnmpPort,
                              .power_hook = {HAKIT_LAB_PROGRAM, "box", "power", "--state", dir_}});

  outside_.emplace(
      std::vector<std::string>{"/bin/ip", "netns", "exec", netns_, "/bin/sleep", "infinity"},
      dir_ + "/outside.log");

  for (const BoxNode& node : nodes_) node.boot();
  std::vector<std::string> names;
  for (const BoxNode& node : nodes_) names.push_back(node.name());
  if (!wait_until([&] { return online(nodes_.front(), names); }, kOnline))
    throw std::runtime_error(cat("the box's nodes did not all come online: ", status()));
}

Box::~Box() {
  if (record_) tear_down();
}

void Box::tear_down() noexcept {
  try {
    for (const BoxNode& node : nodes_) node.power_off();
    pdu_.reset();
    bmcs_.clear();
    outside_.reset();
    for (const BoxNode& node : nodes_)
      exec::run({.argv = {"ip", "netns", "del", node.netns()}}, exec::Deadline::in(10s));
    // Whatever still runs in the box's namespace (a simulator's stray hook).
    for (const std::string& pid : split(run_checked({"ip", "netns", "pids", netns_})))
      kill(std::stoi(pid), SIGKILL);
    exec::run({.argv = {"ip", "netns", "del", netns_}}, exec::Deadline::in(10s));
  } catch (const std::exception& error) {
    std::cerr << "hakit-lab: tearing down the box: " << error.what() << "\n";
  }
  record_.reset();
}

const BoxNode& Box::node(const std::string& name) const {
  for (const BoxNode& node : nodes_)
    if (node.name() == name) return node;
  throw std::invalid_argument("no node " + name + " in the box");
}

std::string Box::reboot_command(const BoxNode& node) const {
  // The reboot must run outside the node: powering it off kills every process in its
  // network namespace. So it enters the namespaces of `outside_` (the box's network; a
  // copy of the machine's mounts with the /run/netns the sshd's own hides). Not PID 1's: this
  // machine's init lets no one open its namespaces ("cannot open /proc/1/ns/net:
  // Permission denied", so nsenter exited 1). setsid -f: the ssh session ends at once.
  return cat("/usr/bin/nsenter -t ", outside_->pid(),
             " -m -n /usr/bin/setsid -f " HAKIT_LAB_PROGRAM " box reboot --state ", dir_, " ",
             node.name(), " ssh-reboot </dev/null >>", node.dir(), "/reboot.log 2>&1");
}

void Box::set_uplink(const BoxNode& node, bool up) const {
  ip(node.netns(), {"link", "set", "eth1", up ? "up" : "down"});
}

bool Box::online(const BoxNode& observer, const std::vector<std::string>& names) const {
  const auto result = observer.run({"crm_mon", "-1"}, 20s);
  return result.ok() && result.out.find("Current DC: NONE") == std::string::npos &&
         result.out.find(cat("Online: [ ", join(names, " "), " ]")) != std::string::npos;
}

std::string Box::status() const {
  for (const BoxNode& node : nodes_) {
    const auto result = node.run({"crm_mon", "-1", "-A", "-r"}, 20s);
    if (result.ok()) return cat("(as ", node.name(), " sees it)\n", result.out);
  }
  return "no node answers crm_mon";
}

bool Box::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

void Box::adopt_record(const std::string& record_name) {
  Record record = Record::adopt(record_name);
  const std::string netns = box_netns_of(std::stoi(record_name.substr(kRecordPrefix.size())));
  // Nodes first (their namespaces are the box's plus "-nodeK"), then the box's own.
  std::vector<std::string> namespaces;
  for (const std::string& line : split(run_checked({"ip", "netns", "list"}), "\n")) {
    const std::string name = split(line).at(0);
    if (name.starts_with(netns + "-")) namespaces.push_back(name);
  }
  namespaces.push_back(netns);
  for (const std::string& name : namespaces) {
    const auto pids = exec::run({.argv = {"ip", "netns", "pids", name}}, exec::Deadline::in(10s));
    for (const std::string& pid : split(pids.out)) kill(std::stoi(pid), SIGKILL);
    exec::run({.argv = {"ip", "netns", "del", name}}, exec::Deadline::in(10s));
  }
}

}  // namespace hakit::lab
