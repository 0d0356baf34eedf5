// Fault injection through the exec seams (lib/exec/runner.h, clock.h; faults_for_tests.h):
// every action of every agent and fence device that spawns a child runs in-process while
// its children misbehave (hang past the deadline, die by a signal, print garbage or
// 64 MiB, are missing, or exit 0 having done nothing), first all of them, then each call
// alone. The action must end with a failure code its caller understands, within the
// caller's timeout, and never claim success for what did not happen. The children are
// real processes; no peer is imitated.
//
// Adding an agent or a device is one entry in agent_cases() or fence_cases(); the harness
// (ActionCase, ocf_case, check_every_fault) is fault_harness.h.
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "fault_harness.h"
#include "fence/device_spec.h"
#include "fence/drac5_device.h"
#include "fence/fence_agent_front.h"
#include "fence/ipmi_device.h"
#include "fence/meatware_device.h"
#include "fence/rackpdu_device.h"
#include "fence/ssh_device.h"
#include "iscsi/logical_unit_agent.h"
#include "iscsi/target_agent.h"
#include "metadata/Filesystem.h"
#include "metadata/LVM-activate.h"
#include "metadata/LVM.h"
#include "metadata/clvmd.h"
#include "metadata/controld.h"
#include "metadata/drbd.h"
#include "metadata/fence_hakit_drac5.h"
#include "metadata/fence_hakit_ipmi.h"
#include "metadata/fence_hakit_meatware.h"
#include "metadata/fence_hakit_rackpdu.h"
#include "metadata/fence_hakit_ssh.h"
#include "metadata/iSCSILogicalUnit.h"
#include "metadata/iSCSITarget.h"
#include "metadata/lvmlockd.h"
#include "metadata/o2cb.h"
#include "metadata/pingd.h"
#include "net/pingd_agent.h"
#include "net/pingd_state.h"
#include "ocf/attrd_memo.h"
#include "storage/controld_agent.h"
#include "storage/drbd_agent.h"
#include "storage/filesystem_agent.h"
#include "storage/lvm_daemon_agents.h"
#include "storage/lvm_volume_agent.h"
#include "storage/o2cb_agent.h"

using hakit::cat;
using namespace hakit::faults_test;

namespace {

AgentFactory filesystem_agent() {
  return [] { return std::make_unique<hakit::storage::FilesystemAgent>(); };
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

/// The cluster-daemon agents: what they run to prepare the kernel (modprobe, mount -t
/// configfs), to read the CIB and LVM's configuration, and the daemons themselves. None of
/// their daemons runs here, so monitor and stop spawn nothing but o2cb's stop (modprobe -r,
/// with the user stack listed in a scratch sysfs).
std::vector<ActionCase> cluster_daemon_cases(const AgentScene& scene) {
  const std::string state = scene.tree.path("state");
  const std::string sysfs = scene.tree.path("sysfs");
  const std::string configfs = scene.tree.path("configfs");
  const std::set<int> refused{kOcfGeneric, kOcfInstalled, kOcfConfigured};
  const Millis timeout(60000);
  const std::map<std::string, std::string> o2cb = {
      {"sysfs", sysfs}, {"configfs", configfs}, {"daemon_timeout", "5"}};
  ActionCase o2cb_stop = ocf_case("o2cb stop, modprobe -r", hakit::metadata::o2cb,
                                  make_agent<hakit::storage::O2cbAgent>(), "stop", o2cb,
                                  {kOcfGeneric}, Millis(20000), state);
  o2cb_stop.prepare = [sysfs] {
    std::filesystem::create_directories(sysfs + "/ocfs2");
    std::ofstream(sysfs + "/ocfs2/loaded_cluster_plugins") << "user\n";
    std::ofstream(sysfs + "/ocfs2/cluster_stack") << "pcmk\n";
  };
  // LVM 2.03 has no clvmd, and start validates that it is installed: a stand-in first on
  // the programs' path (exec's HAKIT_EXEC_PATH seam) passes that check; the faulty runner
  // replaces it, so it never runs.
  ActionCase clvmd_start = ocf_case("clvmd start, the daemon", hakit::metadata::clvmd,
                                    make_agent<hakit::storage::ClvmdAgent>(), "start",
                                    {{"daemon_timeout", "5"}}, refused, timeout, state);
  clvmd_start.prepare = [bin = scene.tree.path("bin")] {
    std::filesystem::create_directories(bin);
    std::ofstream(bin + "/clvmd") << "#!/bin/sh\nexit 99\n";
    std::filesystem::permissions(bin + "/clvmd", std::filesystem::perms::owner_all);
    const std::string path = hakit::exec::safe_path();
    if (!path.starts_with(bin + ":")) ::setenv("HAKIT_EXEC_PATH", (bin + ":" + path).c_str(), 1);
  };
  return {
      // The CIB read (stonith-enabled), then configfs and the dlm module.
      ocf_case("controld start, CIB and kernel", hakit::metadata::controld,
               make_agent<hakit::storage::ControldAgent>(), "start", {}, refused, timeout, state),
      ocf_case("controld start without fencing, kernel and dlm_controld", hakit::metadata::controld,
               make_agent<hakit::storage::ControldAgent>(), "start",
               {{"allow_stonith_disabled", "true"}}, refused, timeout, state),
      ocf_case("o2cb start, configfs and modules", hakit::metadata::o2cb,
               make_agent<hakit::storage::O2cbAgent>(), "start", o2cb, refused, timeout, state),
      std::move(o2cb_stop),
      // lvmconfig global/use_lvmlockd: a lying lvmconfig says it is not set (configured).
      ocf_case("lvmlockd start, lvmconfig", hakit::metadata::lvmlockd,
               make_agent<hakit::storage::LvmlockdAgent>(), "start", {}, refused, timeout, state),
      std::move(clvmd_start),
  };
}

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
  cases.push_back(ocf_case("LVM (legacy) start", hakit::metadata::LVM,
                           make_agent<hakit::storage::LegacyLvmAgent>(), "start",
                           {{"volgrpname", "hakitfaultvg"}}, unknown, timeout, state));
  for (ActionCase& daemon_case : cluster_daemon_cases(scene)) {
    cases.push_back(std::move(daemon_case));
  }
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

}  // namespace

TEST_CASE("OCF agent actions fail in time when their children misbehave", "[faults][ocf]") {
  if (::geteuid() != 0) {
    WARN("skipped: needs root (mknod, a private mount namespace, a tmpfs)");
    return;
  }
  const AgentScene scene;
  for (const ActionCase& action : agent_cases(scene)) check_every_fault(action);
  ::unsetenv("HAKIT_EXEC_PATH");  // clvmd's stand-in
}

TEST_CASE("iSCSI lio-t actions fail in time when targetcli misbehaves", "[faults][ocf][iscsi]") {
  if (::geteuid() != 0) {
    WARN("skipped: needs root (a private mount namespace, a tmpfs on /sys/kernel)");
    return;
  }
  const AgentScene scene;
  // LIO's configfs as the kernel lays it out (as in lib/iscsi/targetcli_test.cc; this host
  // has no LIO): target "present" with LUN 1 backed by a file, on a tmpfs over /sys/kernel
  // in this process's private mount namespace. targetcli itself is what misbehaves.
  REQUIRE(::mount("tmpfs", "/sys/kernel", "tmpfs", 0, "size=1m") == 0);
  const std::string root = "/sys/kernel/config/target";
  const std::string present = "iqn.2024-01.lab.example:present";
  const std::string tpg = cat(root, "/iscsi/", present, "/tpgt_1");
  const std::string lun1 = scene.tree.path("lu1.img");
  std::ofstream(lun1) << std::string(4096, '\0');
  std::filesystem::create_directories(root + "/core/fileio_0/iscsi_lun1");
  std::ofstream(root + "/core/fileio_0/iscsi_lun1/udev_path") << lun1 << "\n";
  std::filesystem::create_directories(tpg + "/lun/lun_1");
  std::filesystem::create_directories(tpg + "/np/127.0.0.1:3260");
  std::ofstream(tpg + "/enable") << "1\n";
  std::filesystem::create_directory_symlink("../../../../../../target/core/fileio_0/iscsi_lun1",
                                            tpg + "/lun/lun_1/8d6e3790c2");

  const std::string state = scene.tree.path("state");
  const std::set<int> failed{kOcfGeneric, kOcfInstalled};  // installed: targetcli missing
  const Millis timeout(30000);
  const std::map<std::string, std::string> chap = {{"incoming_username", "chapuser"},
                                                   {"incoming_password", "Chap-Fault-Sec-1"}};
  std::map<std::string, std::string> absent_target = {{"implementation", "lio-t"},
                                                      {"iqn", "iqn.2024-01.lab.example:absent"},
                                                      {"portals", "127.0.0.1:3260"}};
  absent_target.insert(chap.begin(), chap.end());
  const std::map<std::string, std::string> present_target = {
      {"implementation", "lio-t"}, {"iqn", present}, {"portals", "127.0.0.1:3260"}};
  const std::map<std::string, std::string> lun = {
      {"implementation", "lio-t"}, {"target_iqn", present}, {"lun", "1"}, {"path", lun1}};
  std::map<std::string, std::string> new_lun = lun;
  new_lun["lun"] = "2";
  new_lun["path"] = scene.tree.path("image");
  using hakit::iscsi::LogicalUnitAgent;
  using hakit::iscsi::TargetAgent;
  const ActionCase cases[] = {
      ocf_case("iSCSITarget lio-t start with CHAP", hakit::metadata::iSCSITarget,
               make_agent<TargetAgent>(), "start", absent_target, failed, timeout, state),
      ocf_case("iSCSITarget lio-t stop", hakit::metadata::iSCSITarget, make_agent<TargetAgent>(),
               "stop", present_target, failed, timeout, state),
      ocf_case("iSCSILogicalUnit lio-t start", hakit::metadata::iSCSILogicalUnit,
               make_agent<LogicalUnitAgent>(), "start", new_lun, failed, timeout, state),
      ocf_case("iSCSILogicalUnit lio-t stop", hakit::metadata::iSCSILogicalUnit,
               make_agent<LogicalUnitAgent>(), "stop", lun, failed, timeout, state),
  };
  for (const ActionCase& action : cases) check_every_fault(action);
}

TEST_CASE("fence actions fail in time when their children misbehave", "[faults][fence]") {
  for (const ActionCase& action : fence_cases()) check_every_fault(action);
}
