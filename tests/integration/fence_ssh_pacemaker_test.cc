// The drac5 and ssh devices under a real Pacemaker, each as a fence agent
// (stonith:fence_hakit_*) and as a cluster-glue plugin (stonith:external/hakit-*), against
// a simulated DRAC 5 and a lab node: stonith_admin's reboot, off and unfence are read back
// from the DRAC's state file and from the node going silent; a DRAC that never switches
// makes fencing fail. One cluster start for the whole story.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cluster.h"
#include "drac_fence_lab.h"
#include "installed_file.h"
#include "ssh_node_fence_lab.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::FenceRun;
using fence_test::stonith_admin;

namespace {

/// The racadm calls made since `before` of them had been made.
std::vector<std::string> calls_since(const lab::DracSimulator& drac, size_t before) {
  const std::vector<std::string> calls = drac.calls();
  return {calls.begin() + long(std::min(before, calls.size())), calls.end()};
}

}  // namespace

TEST_CASE("Pacemaker fences a DRAC 5 and an ssh node through hakit's agents and plugins",
          "[fence][drac5][ssh][pacemaker]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab cluster, sshd and installing fence agents need root");
    return;
  }
  const lab::InstalledFile drac_agent(fence_test::kDrac5Agent, "/usr/sbin/fence_hakit_drac5");
  const lab::InstalledFile ssh_agent(fence_test::kSshAgent, "/usr/sbin/fence_hakit_ssh");
  const lab::InstalledFile drac_plugin(fence_test::kDrac5Plugin,
                                       "/usr/lib/stonith/plugins/external/hakit-drac5");
  const lab::InstalledFile ssh_plugin(fence_test::kSshPlugin,
                                      "/usr/lib/stonith/plugins/external/hakit-ssh");
  fence_test::DracLab drac;
  const fence_test::NodeLab node;
  const lab::TempDir dir("pacemaker-ssh-fence");
  const lab::Cluster cluster(dir / "cluster");

  const std::string drac_port = std::to_string(drac.drac.sshd().port());
  cluster.crm({"configure", "primitive", "drac-agent", "stonith:fence_hakit_drac5", "params",
               "ip=" + drac.drac.sshd().address(), "ipport=" + drac_port, "username=root",
               "identity_file=" + drac.key.path, "known_hosts=" + drac.drac.sshd().known_hosts(),
               "hostname=node5", "pcmk_host_list=node5", "power_timeout=3", "pcmk_off_retries=1"});
  cluster.crm({"configure", "primitive", "drac-plugin", "stonith:external/hakit-drac5", "params",
               "hostname=node6", "ipaddr=" + drac.drac.sshd().address(), "port=" + drac_port,
               "userid=root", "identity_file=" + drac.key.path,
               "known_hosts=" + drac.drac.sshd().known_hosts()});
  cluster.crm({"configure", "primitive", "ssh-agent", "stonith:fence_hakit_ssh", "params",
               "hostlist=" + node.node.address(), "pcmk_host_map=sshnode1:" + node.node.address(),
               "identity_file=" + node.key.path, "known_hosts=" + node.node.sshd().known_hosts()});
  cluster.crm({"configure", "primitive", "ssh-plugin", "stonith:external/hakit-ssh", "params",
               "hostlist=" + node.node.address(), "identity_file=" + node.key.path,
               "known_hosts=" + node.node.sshd().known_hosts()});
  cluster.crm({"configure", "property", "stonith-enabled=true"});
  {
    const bool registered = lab::wait_until(
        [] {
          return stonith_admin({"--list-registered"}, 10s).out.find("4 fence devices") !=
                 std::string::npos;
        },
        60s);
    INFO(cluster.status());
    REQUIRE(registered);
  }

  {  // fence agent: reboot is off read back OFF, then on read back ON; off; unfence is on
    size_t before = drac.drac.calls().size();
    CHECK(stonith_admin({"--reboot", "node5", "--tolerance", "0"}).status == 0);
    const std::vector<std::string> calls = calls_since(drac.drac, before);
    const auto off = std::find(calls.begin(), calls.end(), "serveraction powerdown");
    CHECK(off != calls.end());
    CHECK(std::find(off, calls.end(), "serveraction powerup") != calls.end());
    CHECK(drac.drac.power() == "ON");
    CHECK(stonith_admin({"--fence", "node5", "--tolerance", "0"}).status == 0);
    CHECK(drac.drac.power() == "OFF");
    CHECK(stonith_admin({"--unfence", "node5", "--tolerance", "0"}).status == 0);
    CHECK(drac.drac.power() == "ON");
  }
  {  // cluster-glue plugin: the same DRAC, under the node name node6
    const size_t before = drac.drac.calls().size();
    CHECK(stonith_admin({"--reboot", "node6", "--tolerance", "0"}).status == 0);
    const std::vector<std::string> calls = calls_since(drac.drac, before);
    CHECK(std::find(calls.begin(), calls.end(), "serveraction powerdown") != calls.end());
    CHECK(drac.drac.power() == "ON");
    CHECK(stonith_admin({"--fence", "node6", "--tolerance", "0"}).status == 0);
    CHECK(drac.drac.power() == "OFF");
    drac.drac.set_power("ON");
  }
  {  // a DRAC that never switches: fencing fails, and the server stays on
    drac.drac.set_stuck(true);
    const FenceRun failed = stonith_admin({"--fence", "node5", "--tolerance", "0"});
    CHECK(failed.status != 0);
    CHECK(failed.elapsed < 60s);
    CHECK(drac.drac.power() == "ON");
    drac.drac.set_stuck(false);
  }
  {  // ssh fence agent, through pcmk_host_map: the node went silent
    CHECK(stonith_admin({"--reboot", "sshnode1", "--tolerance", "0"}).status == 0);
    CHECK(node.node.reboot_requests() == std::vector<std::string>{fence_test::kRebootCommand});
    CHECK_FALSE(lab::answers_ping(node.node.address()));
    node.node.come_back();
  }
  {  // ssh plugin: the node's address is its name
    REQUIRE(lab::wait_until([&] { return lab::answers_ping(node.node.address()); }, 10s));
    CHECK(stonith_admin({"--reboot", node.node.address(), "--tolerance", "0"}).status == 0);
    CHECK(node.node.reboot_requests().size() == 2);
    CHECK_FALSE(lab::answers_ping(node.node.address()));
  }
}
