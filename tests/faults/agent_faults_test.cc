// Fault injection through the exec seams (lib/exec/runner.h, clock.h; faults_for_tests.h):
// every action of every agent and fence device that spawns a child runs in-process while
// its children misbehave (hang past the deadline, die by a signal, print garbage or
// 64 MiB, are missing, or exit 0 having done nothing), first all of them, then each call
// alone. The action must end with a failure code its caller understands, within the
// caller's timeout, and never claim success for what did not happen. The children are
// real processes; no peer is imitated.
//
// Adding an agent or a device is one entry in agent_cases() or fence_cases().
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "exec/faults_for_tests.h"
#include "fence/device_spec.h"
#include "fence/drac5_device.h"
#include "fence/fence_agent_front.h"
#include "fence/ipmi_device.h"
#include "fence/meatware_device.h"
#include "fence/rackpdu_device.h"
#include "fence/ssh_device.h"
#include "metadata/Filesystem.h"
#include "metadata/LVM-activate.h"
#include "metadata/drbd.h"
#include "metadata/fence_hakit_drac5.h"
#include "metadata/fence_hakit_ipmi.h"
#include "metadata/fence_hakit_meatware.h"
#include "metadata/fence_hakit_rackpdu.h"
#include "metadata/fence_hakit_ssh.h"
#include "metadata/pingd.h"
#include "net/pingd_agent.h"
#include "net/pingd_state.h"
#include "ocf/agent.h"
#include "ocf/attrd_memo.h"
#include "storage/drbd_agent.h"
#include "storage/file_tree_for_tests.h"
#include "storage/filesystem_agent.h"
#include "storage/lvm_volume_agent.h"
#include "util/strings.h"

using hakit::cat;
using hakit::exec::Clock;
using hakit::exec::Fault;
using hakit::exec::FaultyRunner;
using hakit::exec::JumpingClock;
using hakit::exec::Millis;
using hakit::storage::testing::FileTree;

namespace {

/// One action as its caller runs it, in-process.
struct ActionCase {
  std::string name;
  std::function<int()> run;
  /// What the action reads on stdin (the fencer's options).
  std::string input{};
  /// The codes a failed action may end with.
  std::set<int> failures;
  /// What the caller gives the action before it gives up on it (CRM_meta_timeout, the
  /// fencer's timeout).
  Millis timeout;
  /// The tool's exit status is the only evidence there is (attrd_updater): an action may
  /// then succeed when its child exits 0. Otherwise the agent must verify the effect.
  bool trusts_exit_status = false;
  /// Puts the scene back before each run (a state file a monitor expects, ...).
  std::function<void()> prepare = [] {};
};

struct Outcome {
  int code = -1;
  std::string output;  ///< stdout and stderr
};

/// Runs `body` with stdin reading `input` and stdout and stderr going to a scratch file.
Outcome captured(const std::string& input, const std::function<int()>& body) {
  FileTree scratch;
  scratch.file("in", input);
  const std::string out_path = scratch.path("out");
  const int in_fd = ::open(scratch.path("in").c_str(), O_RDONLY | O_CLOEXEC);
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  std::fflush(stdout);
  std::fflush(stderr);
  const int saved[3] = {::dup(0), ::dup(1), ::dup(2)};
  ::dup2(in_fd, 0);
  ::dup2(out_fd, 1);
  ::dup2(out_fd, 2);
  std::clearerr(stdin);
  std::cin.clear();
  Outcome outcome;
  outcome.code = body();
  std::cout.flush();
  std::fflush(stdout);
  std::fflush(stderr);
  for (int fd = 0; fd < 3; ++fd) {
    ::dup2(saved[fd], fd);
    ::close(saved[fd]);
  }
  ::close(in_fd);
  ::close(out_fd);
  std::clearerr(stdin);
  std::cin.clear();
  std::ifstream out(out_path);
  outcome.output.assign(std::istreambuf_iterator<char>(out), std::istreambuf_iterator<char>());
  return outcome;
}

// --- OCF agents ---------------------------------------------------------------------------

using AgentFactory = std::function<std::unique_ptr<hakit::ocf::Agent>()>;

/// Sets the OCF environment of one action (and removes what an earlier one set).
void set_ocf_environment(const std::map<std::string, std::string>& variables) {
  static std::vector<std::string> previous;
  for (const auto& name : previous) ::unsetenv(name.c_str());
  previous.clear();
  for (const auto& [name, value] : variables) {
    ::setenv(name.c_str(), value.c_str(), 1);
    previous.push_back(name);
  }
}

constexpr int kOcfGeneric = 1, kOcfInstalled = 5, kOcfNotRunning = 7;

ActionCase ocf_case(std::string name, const hakit::ocf::AgentMetadata& metadata, AgentFactory make,
                    std::string action, std::map<std::string, std::string> params,
                    std::set<int> failures, Millis timeout, const std::string& state_dir) {
  std::map<std::string, std::string> env = {{"OCF_RESOURCE_INSTANCE", "fault-test"},
                                            {"OCF_ROOT", "/usr/lib/ocf"},
                                            {"HA_RSCTMP", state_dir},
                                            {"OCF_RESKEY_CRM_meta_timeout", cat(timeout.count())}};
  for (const auto& [key, value] : params) {
    env[key == "OCF_CHECK_LEVEL" ? key : cat("OCF_RESKEY_", key)] = value;
  }
  auto run = [&metadata, make, action, env] {
    set_ocf_environment(env);
    auto agent = make();
    std::string action_arg = action;
    char program[] = "agent";
    char* argv[] = {program, action_arg.data(), nullptr};
    return hakit::ocf::dispatch(*agent, metadata, 2, argv);
  };
  return {.name = std::move(name), .run = run, .failures = std::move(failures), .timeout = timeout};
}

AgentFactory filesystem_agent() {
  return [] { return std::make_unique<hakit::storage::FilesystemAgent>(); };
}
template <typename AgentType>
AgentFactory make_agent() {
  return [] { return std::make_unique<AgentType>(); };
}

/// A filesystem type the kernel does not list yet and no mount helper handles, so that
/// mounting it needs modprobe; empty if this machine has none of them.
std::string type_needing_modprobe() {
  std::ifstream listed("/proc/filesystems");
  const std::string filesystems((std::istreambuf_iterator<char>(listed)),
                                std::istreambuf_iterator<char>());
  for (const std::string type : {"jfs", "reiserfs", "vfat", "gfs2", "ocfs2"}) {
    if (filesystems.find(cat("\t", type, "\n")) == std::string::npos &&
        ::access(cat("/sbin/mount.", type).c_str(), X_OK) != 0) {
      return type;
    }
  }
  return {};
}

/// The scene the agent cases act on: a scratch tree with a block device node, an image
/// file and a tmpfs mounted in this process's own mount namespace (which dies with it).
struct AgentScene {
  FileTree tree;
  std::string block_device = tree.path("dev/blk");
  std::string mounted = tree.path("mounted");
  std::string pingd_state = tree.path("pingd.state");

  AgentScene() {
    tree.directory("dev");
    tree.directory("mnt");
    tree.directory("mounted");
    tree.directory("state");
    tree.file("image", std::string(4096, '\0'));
    REQUIRE(::mknod(block_device.c_str(), S_IFBLK | 0600, makedev(7, 250)) == 0);
    REQUIRE(::unshare(CLONE_NEWNS) == 0);
    REQUIRE(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0);
    REQUIRE(::mount("tmpfs", mounted.c_str(), "tmpfs", 0, "size=1m") == 0);
  }
};

std::vector<ActionCase> agent_cases(const AgentScene& scene) {
  const std::string state = scene.tree.path("state");
  const std::string mnt = scene.tree.path("mnt");
  const std::set<int> generic{kOcfGeneric};
  std::vector<ActionCase> cases = {
      ocf_case("Filesystem start, fsck and mount", hakit::metadata::Filesystem, filesystem_agent(),
               "start",
               {{"device", scene.block_device},
                {"directory", mnt},
                {"fstype", "ext4"},
                {"run_fsck", "force"}},
               generic, Millis(60000), state),
      ocf_case("Filesystem start, loop mount of an image", hakit::metadata::Filesystem,
               filesystem_agent(), "start",
               {{"device", scene.tree.path("image")},
                {"directory", mnt},
                {"fstype", "ext4"},
                {"options", "loop,ro"}},
               generic, Millis(60000), state),
      ocf_case("Filesystem stop, umount with escalation", hakit::metadata::Filesystem,
               filesystem_agent(), "stop",
               {{"device", "tmpfs"},
                {"directory", scene.mounted},
                {"fstype", "tmpfs"},
                {"signal_delay", "5"}},  // few rounds: each scans /proc for holders
               generic, Millis(20000), state),
      ocf_case("Filesystem stop, fast_stop without signals", hakit::metadata::Filesystem,
               filesystem_agent(), "stop",
               {{"device", "tmpfs"},
                {"directory", scene.mounted},
                {"fstype", "tmpfs"},
                {"fast_stop", "true"},
                {"force_unmount", "false"}},
               generic, Millis(20000), state),
  };
  if (const std::string type = type_needing_modprobe(); !type.empty()) {
    cases.push_back(ocf_case(cat("Filesystem start, modprobe ", type), hakit::metadata::Filesystem,
                             filesystem_agent(), "start",
                             {{"device", scene.block_device}, {"directory", mnt}, {"fstype", type}},
                             {kOcfInstalled}, Millis(60000), state));
    cases.push_back(ocf_case(cat("Filesystem validate-all 10, modprobe ", type),
                             hakit::metadata::Filesystem, filesystem_agent(), "validate-all",
                             {{"device", scene.block_device},
                              {"directory", mnt},
                              {"fstype", type},
                              {"OCF_CHECK_LEVEL", "10"}},
                             {kOcfInstalled}, Millis(30000), state));
  } else {
    WARN("every candidate filesystem type is loaded: the modprobe path is not exercised");
  }

  const std::map<std::string, std::string> pingd = {
      {"host_list", "127.0.0.1"}, {"name", "hakit-fault-test"}, {"pidfile", scene.pingd_state}};
  // Started, and attrd not known to hold anything: with a Pacemaker running on this machine
  // (the integration tests' lab), a record left by the previous run would let monitor skip
  // the very update whose faults are injected.
  const auto started = [path = scene.pingd_state] {
    hakit::net::PingdState{}.save(path);
    hakit::ocf::AttrdMemo(path + ".attrd").forget();
  };
  ActionCase pingd_start =
      ocf_case("pingd start, attrd_updater -B", hakit::metadata::pingd,
               make_agent<hakit::net::PingdAgent>(), "start", pingd, generic, Millis(60000), state);
  pingd_start.trusts_exit_status = true;
  ActionCase pingd_monitor = ocf_case("pingd monitor, attrd_updater", hakit::metadata::pingd,
                                      make_agent<hakit::net::PingdAgent>(), "monitor", pingd,
                                      generic, Millis(60000), state);
  pingd_monitor.trusts_exit_status = true;
  pingd_monitor.prepare = started;
  ActionCase pingd_reload = ocf_case("pingd reload, attrd_updater", hakit::metadata::pingd,
                                     make_agent<hakit::net::PingdAgent>(), "reload", pingd, generic,
                                     Millis(60000), state);
  pingd_reload.trusts_exit_status = true;
  pingd_reload.prepare = started;
  // Stop succeeds without attrd, as ocf:pacemaker:ping's: the cluster may be going down.
  ActionCase pingd_stop =
      ocf_case("pingd stop, attrd_updater -D", hakit::metadata::pingd,
               make_agent<hakit::net::PingdAgent>(), "stop", pingd, {0}, Millis(20000), state);
  pingd_stop.prepare = started;
  for (ActionCase* c : {&pingd_start, &pingd_monitor, &pingd_reload, &pingd_stop}) {
    cases.push_back(std::move(*c));
  }

  // The merged agents: a start whose tool misbehaves fails (generic or not installed).
  const std::set<int> unknown{kOcfGeneric, kOcfInstalled};
  const std::map<std::string, std::string> lvm = {{"vgname", "hakitfaultvg"},
                                                  {"vg_access_mode", "system_id"}};
  const std::map<std::string, std::string> drbd = {{"drbd_resource", "hakitfault"}};
  // Their monitor and stop read state without a process (/proc/drbd, reports of nothing)
  // until there is something to act on, and the iSCSI agents talk to tgtd's socket: only
  // these starts spawn here.
  const char* action = "start";
  const Millis timeout(60000);
  cases.push_back(ocf_case(cat("LVM-activate ", action), hakit::metadata::LVM_activate,
                           make_agent<hakit::storage::LvmActivateAgent>(), action, lvm, unknown,
                           timeout, state));
  cases.push_back(ocf_case(cat("drbd ", action), hakit::metadata::drbd,
                           make_agent<hakit::storage::DrbdAgent>(), action, drbd, unknown, timeout,
                           state));
  return cases;
}

// --- fence devices ------------------------------------------------------------------------

template <typename DeviceType>
std::unique_ptr<hakit::fence::Device> make_device(const hakit::fence::Options& options) {
  return std::make_unique<DeviceType>(options);
}

/// A device as the fence agent front builds it (the external plugin's legacy names do not
/// matter here: both fronts share Options and the devices), the options it is given besides
/// the action, and its actions that spawn a child. The secret comes from password_script
/// (which never runs: the faulty runner replaces it), and the peer address is one where
/// nothing listens, so that a lying script leads to a connection that fails.
struct FenceDevice {
  hakit::fence::DeviceSpec spec;
  std::string options;
  std::vector<std::string> actions;
};

const std::string kScriptedLogin =
    "username=fence\npassword_script=/usr/local/bin/secret\nipport=9\npower_timeout=2\n"
    "login_timeout=1\nshell_timeout=1\nretry_on=1\n";
const std::vector<std::string> kPowerActions = {"off", "on", "reboot", "status", "monitor"};

const FenceDevice kFenceDevices[] = {
    {{"ipmi", hakit::metadata::fence_hakit_ipmi, {}, make_device<hakit::fence::IpmiDevice>},
     kScriptedLogin + "ip=127.0.0.1\nplug=1\n",
     kPowerActions},
    {{"rackpdu", hakit::metadata::fence_hakit_rackpdu, {}, make_device<hakit::fence::RackPdu>},
     kScriptedLogin + "ip=127.0.0.1\nsnmp_version=3\nplug=1\n",
     {"off", "on", "reboot", "status", "monitor", "list"}},
    {{"drac5", hakit::metadata::fence_hakit_drac5, {}, make_device<hakit::fence::Drac5Device>},
     kScriptedLogin + "ip=127.0.0.1\nplug=1\n",
     kPowerActions},
    {{"ssh", hakit::metadata::fence_hakit_ssh, {}, make_device<hakit::fence::SshDevice>},
     kScriptedLogin + "hostlist=127.0.0.1\nplug=127.0.0.1\n",
     {"reboot"}},
    // stonith_admin --history, asked while waiting for the operator.
    {{"meatware",
      hakit::metadata::fence_hakit_meatware,
      {},
      make_device<hakit::fence::MeatwareDevice>},
     "hostlist=node1\nplug=node1\nconfirm_timeout=0.3\n",
     {"off", "reboot"}},
};

// The budget a fence action gives itself (power_action.h: 60 s beyond its power rounds,
// here 2 x (power_wait 0 + power_timeout 2 s)), rounded up.
constexpr Millis kFenceBudget{65000};
// fencing.py's exit codes but success: bad arguments, generic error, login denied, connection
// lost, timed out, waiting on/off, ... For status, 2 means "off" and any failure is 1.
const std::set<int> kFenceFailures = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
const std::set<int> kFenceStatusFailures = {1};

std::vector<ActionCase> fence_cases() {
  std::vector<ActionCase> cases;
  for (const FenceDevice& device : kFenceDevices) {
    for (const std::string& action : device.actions) {
      auto run = [&spec = device.spec] {
        char program[] = "fence_hakit";
        char* argv[] = {program, nullptr};
        return hakit::fence::run_fence_agent(spec, 1, argv);
      };
      cases.push_back({.name = cat("fence_hakit_", device.spec.device, " ", action),
                       .run = run,
                       .input = cat(device.options, "action=", action, "\n"),
                       .failures = action == "status" ? kFenceStatusFailures : kFenceFailures,
                       .timeout = kFenceBudget});
    }
  }
  return cases;
}

// --- the checks ---------------------------------------------------------------------------

bool exits_zero(Fault fault) {
  return fault == Fault::kLie || fault == Fault::kGarbage || fault == Fault::kHugeOutput;
}

/// Runs `action` once with `fault` and checks the outcome; returns how many children ran.
size_t check_fault(const ActionCase& action, Fault fault, std::optional<size_t> only_call) {
  action.prepare();
  JumpingClock clock;
  FaultyRunner runner(fault, clock, only_call);
  hakit::exec::ScopedTimeSource time_seam(clock);
  hakit::exec::ScopedRunner process_seam(runner);
  const auto started = Clock::now();
  Outcome outcome = captured(action.input, action.run);
  const auto took = std::chrono::duration_cast<Millis>(Clock::now() - started);

  INFO(action.name << ", " << hakit::exec::fault_name(fault)
                   << (only_call ? cat(" at call ", *only_call) : std::string(" at every call")));
  INFO("exit " << outcome.code << ", " << runner.calls().size() << " children, " << took.count()
               << " ms on the test clock; output:\n"
               << outcome.output.substr(0, 2000));
  // Taking a tool's exit 0 at its word may end in success or "not running"; a tool that
  // failed, hung or died never may.
  const bool trusted = action.trusts_exit_status && (exits_zero(fault) || only_call);
  if (!(trusted && (outcome.code == 0 || outcome.code == kOcfNotRunning))) {
    CHECK(action.failures.count(outcome.code) == 1);
  }
  CHECK(took <= action.timeout);
  CHECK(runner.unbounded().empty());
  if (outcome.code != 0) CHECK_FALSE(outcome.output.empty());  // the reason, for the operator
  return runner.calls().size();
}

void check_every_fault(const ActionCase& action) {
  size_t children = 0;
  for (const Fault fault : hakit::exec::kAllFaults) {
    const size_t ran = check_fault(action, fault, std::nullopt);
    if (fault == Fault::kLie) children = ran;
  }
  INFO(action.name);
  CHECK(children > 0);  // a case that spawns nothing tests nothing: fix the table
  // Each of the first calls failing alone, the others lying (a retry loop repeats itself);
  // with one child, that was the first round.
  for (size_t call = 0; children > 1 && call < std::min<size_t>(children, 3); ++call) {
    for (const Fault fault : hakit::exec::kAllFaults) {
      if (fault != Fault::kLie) check_fault(action, fault, call);
    }
  }
}

}  // namespace

TEST_CASE("OCF agent actions fail in time when their children misbehave", "[faults][ocf]") {
  if (::geteuid() != 0) {
    WARN("skipped: needs root (mknod, a private mount namespace, a tmpfs)");
    return;
  }
  const AgentScene scene;
  for (const ActionCase& action : agent_cases(scene)) check_every_fault(action);
}

TEST_CASE("fence actions fail in time when their children misbehave", "[faults][fence]") {
  for (const ActionCase& action : fence_cases()) check_every_fault(action);
}
