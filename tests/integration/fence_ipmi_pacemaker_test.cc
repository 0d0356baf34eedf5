// The IPMI device under a real Pacemaker, as a fence agent (stonith:fence_hakit_ipmi) and
// as a cluster-glue plugin (stonith:external/hakit-ipmi), each against its own simulated
// BMC: stonith_admin's reboot, off and unfence switch the BMC's machine, read back from
// the simulator's state file. A node no BMC powers is fenced by no device (asked for its
// status, the agent claims only the node in hostname), and one whose BMC is gone is not
// fenced. The password reaches the devices from a script and a file, so no command line
// ever shows it, not even crm's. One cluster start for the whole story.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <future>

#include "cluster.h"
#include "fence_run.h"
#include "installed_file.h"
#include "ipmi_simulator.h"
#include "temp_dir.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::FenceRun;

namespace {

const std::string kPassword = "Pcmk-ipmi-pw-4k";

FenceRun stonith_admin(std::vector<std::string> args, std::chrono::milliseconds timeout = 150s) {
  args.insert(args.begin(), "stonith_admin");
  const FenceRun run = fence_test::timed_run({.argv = args}, timeout);
  INFO(run.describe());
  return run;
}

void write_secret_file(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  REQUIRE(chmod(path.c_str(), mode) == 0);
}

/// `action` (as `stonith_admin` runs it), while /proc is searched for the password.
FenceRun fence_watching_proc(const std::vector<std::string>& action,
                             std::vector<std::string>& seen) {
  auto running = std::async(std::launch::async, [&] { return stonith_admin(action); });
  while (running.wait_for(20ms) != std::future_status::ready) {
    for (const std::string& process : fence_test::processes_showing(kPassword)) {
      seen.push_back(process);
    }
  }
  return running.get();
}

}  // namespace

TEST_CASE("Pacemaker fences through fence_hakit_ipmi and external/hakit-ipmi",
          "[fence][ipmi][pacemaker]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab cluster and installing fence agents need root");
    return;
  }
  const lab::InstalledFile agent(HAKIT_BUILD_FENCE_DIR "/fence_hakit_ipmi",
                                 "/usr/sbin/fence_hakit_ipmi");
  const lab::InstalledFile plugin(HAKIT_BUILD_PLUGIN_DIR "/hakit-ipmi",
                                  "/usr/lib/stonith/plugins/external/hakit-ipmi");
  const lab::TempDir dir("pacemaker-ipmi");
  const std::string script = dir / "ipmi-password.sh";
  write_secret_file(script, "#!/bin/sh\necho " + kPassword + "\n", 0700);
  const std::string password_file = dir / "ipmi-password";
  write_secret_file(password_file, kPassword + "\n", 0600);
  lab::TempDir bmc2_dir("ipmi-node2"), bmc3_dir("ipmi-node3"), gone_dir("ipmi-node4");
  lab::IpmiSimulator bmc2(bmc2_dir.path(), {.username = "admin", .password = kPassword});
  lab::IpmiSimulator bmc3(bmc3_dir.path(), {.username = "admin", .password = kPassword});
  lab::IpmiSimulator gone(gone_dir.path(), {.username = "admin", .password = kPassword});
  gone.stop();
  const lab::Cluster cluster(dir / "cluster");

  // No pcmk_host_list: the fencer asks the agent's status for each node, which only the
  // node in hostname passes.
  cluster.crm({"configure", "primitive", "fence-ipmi", "stonith:fence_hakit_ipmi", "params",
               "ip=127.0.0.1", cat("ipport=", bmc2.port()), "username=admin",
               "password_script=" + script, "lanplus=1", "hostname=node2"});
  // No pcmk_host_list: the fencer asks the plugin (gethosts) which node it fences.
  cluster.crm({"configure", "primitive", "fence-ipmi-legacy", "stonith:external/hakit-ipmi",
               "params", "hostname=node3", "ipaddr=127.0.0.1", cat("ipport=", bmc3.port()),
               "userid=admin", "passwd=" + password_file, "passwd_method=file",
               "interface=lanplus"});
  cluster.crm({"configure", "primitive", "fence-ipmi-gone", "stonith:fence_hakit_ipmi", "params",
               "ip=127.0.0.1", cat("ipport=", gone.port()), "username=admin",
               "password_script=" + script, "lanplus=1", "login_timeout=2", "pcmk_host_list=node4",
               "pcmk_reboot_retries=1", "pcmk_off_retries=1"});
  cluster.crm({"configure", "property", "stonith-enabled=true"});
  {
    const bool registered = lab::wait_until(
        [] {
          return stonith_admin({"--list-registered"}, 10s).out.find("3 fence devices") !=
                 std::string::npos;
        },
        60s);
    INFO(cluster.status());
    REQUIRE(registered);
  }
  std::vector<std::string> seen;

  {  // fence agent: reboot, off and unfence switch node2's BMC
    const size_t before = bmc2.calls().size();
    CHECK(fence_watching_proc({"--reboot", "node2", "--tolerance", "0"}, seen).status == 0);
    CHECK(bmc2.powered());
    const std::vector<std::string> calls = bmc2.calls();
    const std::vector<std::string> reboot(calls.begin() + long(before), calls.end());
    CHECK(std::count(reboot.begin(), reboot.end(), "set power 0") == 1);
    CHECK(std::count(reboot.begin(), reboot.end(), "set power 1") == 1);

    CHECK(fence_watching_proc({"--fence", "node2", "--tolerance", "0"}, seen).status == 0);
    CHECK_FALSE(bmc2.powered());
    CHECK(fence_watching_proc({"--unfence", "node2", "--tolerance", "0"}, seen).status == 0);
    CHECK(bmc2.powered());
  }
  {  // cluster-glue plugin: the fencer finds node3 through gethosts, reboots and fences it
    CHECK(stonith_admin({"--list", "node3"}).out.find("fence-ipmi-legacy") != std::string::npos);
    const size_t before = bmc3.calls().size();
    CHECK(fence_watching_proc({"--reboot", "node3", "--tolerance", "0"}, seen).status == 0);
    CHECK(bmc3.powered());
    const std::vector<std::string> calls = bmc3.calls();
    const std::vector<std::string> reboot(calls.begin() + long(before), calls.end());
    CHECK(std::count(reboot.begin(), reboot.end(), "set power 0") == 1);
    CHECK(std::count(reboot.begin(), reboot.end(), "set power 1") == 1);

    CHECK(fence_watching_proc({"--fence", "node3", "--tolerance", "0"}, seen).status == 0);
    CHECK_FALSE(bmc3.powered());
    CHECK(bmc2.powered());
  }
  {  // a node no BMC powers is fenced by no device
    CHECK(stonith_admin({"--list", "node9"}).out.find("fence-ipmi") == std::string::npos);
    CHECK(fence_watching_proc({"--fence", "node9", "--tolerance", "0"}, seen).status != 0);
    CHECK(bmc2.powered());
    CHECK_FALSE(bmc3.powered());
  }
  {  // a BMC that is gone makes fencing fail
    const FenceRun failed = fence_watching_proc({"--fence", "node4", "--tolerance", "0"}, seen);
    CHECK(failed.status != 0);
    CHECK(failed.elapsed < 60s);
    CHECK(bmc2.powered());  // as the first story left them
    CHECK_FALSE(bmc3.powered());
  }
  INFO(cat("processes showing the password: ", join(seen, "; ")));
  CHECK(seen.empty());
}
