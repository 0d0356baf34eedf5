// fence_hakit_ssh and external/hakit-ssh against a lab node: an sshd in a network
// namespace whose "reboot" takes the node's link down (tests/lab/ssh_node.h). Success must
// mean the node went silent, which iputils' ping confirms independently.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "installed_file.h"
#include "ssh_node_fence_lab.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::FenceRun;
using fence_test::kRebootCommand;
using fence_test::kSshPlugin;
using fence_test::NodeLab;
using fence_test::require_failure_in_time;

TEST_CASE("fence_hakit_ssh reboots a node and reports success once it stops answering",
          "[fence][ssh]") {
  if (geteuid() != 0) {
    WARN("skipped: network namespaces and sshd need root");
    return;
  }
  const NodeLab lab;
  REQUIRE(lab::answers_ping(lab.node.address()));

  FenceRun run = lab.agent("status");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Status: ON\n");
  CHECK(lab.agent("list").out == lab.node.address() + "," + lab.node.address() + "\n");
  CHECK(lab.agent("monitor").status == 0);
  CHECK(lab.agent("off").status != 0);  // not supported, as in external/ssh
  CHECK(lab.node.reboot_requests().empty());

  run = lab.agent("reboot");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Rebooted\n");
  CHECK(run.elapsed < 10s);
  CHECK(lab.node.reboot_requests() == std::vector<std::string>{kRebootCommand});
  CHECK_FALSE(lab::answers_ping(lab.node.address()));

  // Down, it is not reported off (it cannot tell), and it cannot be fenced again.
  run = lab.agent("status");
  CHECK(run.status == 1);
  run = lab.agent("reboot");
  require_failure_in_time(run, 10s);
  CHECK(run.err.find("does not answer pings before the reboot") != std::string::npos);

  lab.node.come_back();
  CHECK(lab.agent("status").status == 0);
}

TEST_CASE("fence_hakit_ssh never claims a reboot it did not see", "[fence][ssh][faults]") {
  if (geteuid() != 0) {
    WARN("skipped: network namespaces and sshd need root");
    return;
  }

  SECTION("a node that takes the command but keeps answering") {
    const NodeLab lab(false);
    const FenceRun run = lab.agent("reboot", {"power_timeout=3"});
    require_failure_in_time(run, 8s);
    CHECK(run.status == 7);  // EC_WAITING_OFF
    CHECK(run.err.find("still answered pings") != std::string::npos);
    CHECK(lab.node.reboot_requests().size() == 1);
  }

  SECTION("a node whose sshd is not running") {
    NodeLab lab;
    lab.node.sshd().stop();
    const FenceRun run = lab.agent("reboot");
    require_failure_in_time(run, 8s);
    CHECK(lab::answers_ping(lab.node.address()));
  }

  SECTION("a key the node does not accept, and a host key other than the known one") {
    const NodeLab lab;
    const lab::SshKey stranger = lab::generate_ssh_key(lab.dir / "id_stranger", "stranger");
    FenceRun run = lab.agent("reboot", {"identity_file=" + stranger.path});
    require_failure_in_time(run, 8s);
    CHECK(run.err.find("login refused") != std::string::npos);

    const std::string other = lab.dir / "known_hosts.other";
    std::ofstream(other) << lab::known_hosts_entry(lab.node.address(), 22, stranger.public_key);
    run = lab.agent("reboot", {"known_hosts=" + other});
    require_failure_in_time(run, 8s);
    CHECK(run.err.find("differs from the one recorded") != std::string::npos);
    CHECK(lab.node.reboot_requests().empty());
    CHECK(lab::answers_ping(lab.node.address()));
  }

  SECTION("a node the device does not know") {
    const NodeLab lab;
    const FenceRun run = lab.agent("reboot", {"plug=10.250.99.99"});
    require_failure_in_time(run, 3s);
    CHECK(run.err.find("is not in hostlist") != std::string::npos);
  }
}

TEST_CASE("external/hakit-ssh through cluster-glue's stonith command", "[fence][ssh][glue]") {
  if (geteuid() != 0) {
    WARN("skipped: installing a plugin, network namespaces and sshd need root");
    return;
  }
  const NodeLab lab;
  const lab::InstalledFile plugin(kSshPlugin, "/usr/lib/stonith/plugins/external/hakit-ssh");
  const std::vector<std::string> params = {"hostlist=" + lab.node.address(),
                                           "identity_file=" + lab.key.path,
                                           "known_hosts=" + lab.node.sshd().known_hosts()};
  const auto stonith = fence_test::stonith_cli_for("external/hakit-ssh", params);

  FenceRun run = stonith({"-S"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(stonith({"-l"}).out.find(lab.node.address()) != std::string::npos);
  CHECK(stonith({"-T", "off", lab.node.address()}).status != 0);
  CHECK(stonith({"-T", "reset", "10.250.99.99"}).status != 0);
  CHECK(lab.node.reboot_requests().empty());

  run = stonith({"-T", "reset", lab.node.address()});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.node.reboot_requests() == std::vector<std::string>{kRebootCommand});
  CHECK_FALSE(lab::answers_ping(lab.node.address()));
}
