// fence_hakit_rackpdu and external/hakit-rackpdu against a simulated APC PDU (snmpd with a
// pass_persist handler, tests/lab/apc_pdu_simulator.h). Every outcome is read back from the
// PDU's own state file, never through the agent: which outlets are on, and every switch the
// PDU performed with the table it was asked through. Faults (no PDU, wrong community or v3
// password, read-only community, a slow PDU, an unknown node, a stuck relay) must fail
// within their timeout, say why, switch nothing and never claim success; no community or
// password may appear on any process's command line meanwhile. Last, a real Pacemaker fences
// through both.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <future>

#include "apc_pdu_simulator.h"
#include "cluster.h"
#include "fence_run.h"
#include "installed_file.h"
#include "temp_dir.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::FenceRun;
using lab::ApcPduSimulator;
using Switch = ApcPduSimulator::Switch;

namespace {

const std::string kAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_rackpdu";
const std::string kCommunity = "rw-Secr3t-community";
const std::string kAuthPassword = "auth-Secr3t-pass";
const std::string kPrivPassword = "priv-Secr3t-pass";

/// node1..node12 (node1 against node10, node11, node12), and "db" fed by outlets 13 and 14.
std::vector<std::string> outlet_names() {
  std::vector<std::string> names;
  for (int i = 1; i <= 12; ++i) names.push_back("node" + std::to_string(i));
  names.insert(names.end(), {"db", "db"});
  return names;
}

ApcPduSimulator::Config pdu_config() {
  return {.outlets = outlet_names(),
          .write_community = kCommunity,
          .v3_auth_password = kAuthPassword,
          .v3_priv_password = kPrivPassword};
}

std::vector<std::string> v1_options(const ApcPduSimulator& pdu) {
  return {"ip=127.0.0.1", "ipport=" + std::to_string(pdu.port()), "community=" + kCommunity};
}

FenceRun agent(std::vector<std::string> options, const std::vector<std::string>& more) {
  options.insert(options.end(), more.begin(), more.end());
  const FenceRun run = fence_test::run_with_stdin(kAgent, options, 60s);
  INFO(run.describe());
  return run;
}

std::vector<bool> powered(const ApcPduSimulator& pdu) {
  std::vector<bool> on;
  for (const auto& outlet : pdu.outlets()) on.push_back(outlet.on);
  return on;
}

/// Every outlet on but those numbered in `off`.
std::vector<bool> all_on_but(std::initializer_list<int> off) {
  std::vector<bool> on(outlet_names().size(), true);
  for (const int outlet : off) on[outlet - 1] = false;
  return on;
}

void check_failed_cleanly(const FenceRun& run, std::chrono::milliseconds within,
                          const std::string& reason) {
  fence_test::require_failure_in_time(run, within);
  INFO(run.describe());
  CHECK(run.err.find(reason) != std::string::npos);
  for (const std::string& secret : {kCommunity, kAuthPassword, kPrivPassword}) {
    CHECK(run.err.find(secret) == std::string::npos);
    CHECK(run.out.find(secret) == std::string::npos);
  }
}

/// The external plugin through cluster-glue's stonith CLI, its parameters in the environment
/// (-E) as Pacemaker's fence_legacy passes them: never on a command line.
exec::Command stonith_cli_command(const std::map<std::string, std::string>& parameters,
                                  std::vector<std::string> args) {
  args.insert(args.begin(), {"stonith", "-t", "external/hakit-rackpdu", "-E"});
  return {.argv = args, .env = parameters};
}

FenceRun stonith_cli(const std::map<std::string, std::string>& parameters,
                     const std::vector<std::string>& args) {
  const FenceRun run = fence_test::timed_run(stonith_cli_command(parameters, args), 60s);
  INFO(run.describe());
  return run;
}

/// Runs `command` while scanning every process's command line for the secrets. Returns how
/// it ran and every "pid: command line" that showed one.
std::pair<FenceRun, std::vector<std::string>> watching_command_lines(const exec::Command& command) {
  // Not a Catch macro on the other thread: they are not thread-safe.
  auto running =
      std::async(std::launch::async, [&] { return fence_test::timed_run(command, 150s); });
  std::vector<std::string> shown;
  while (running.wait_for(50ms) != std::future_status::ready) {
    for (const std::string& secret : {kCommunity, kAuthPassword, kPrivPassword}) {
      const std::vector<std::string> processes = fence_test::processes_showing(secret);
      shown.insert(shown.end(), processes.begin(), processes.end());
    }
  }
  return {running.get(), shown};
}

}  // namespace

TEST_CASE("fence_hakit_rackpdu lists, reads and switches an rPDU's outlets, matching names exactly",
          "[fence][rackpdu]") {
  const lab::TempDir dir("rackpdu");
  const ApcPduSimulator pdu(dir.path(), pdu_config());
  const std::vector<std::string> v1 = v1_options(pdu);

  const FenceRun list = agent(v1, {"action=list"});
  CHECK(list.status == 0);
  CHECK(list.out.starts_with("1,node1\n2,node2\n"));
  CHECK(list.out.find("\n10,node10\n") != std::string::npos);
  CHECK(list.out.ends_with("\n13,db\n14,db\n"));
  const FenceRun list_status = agent(v1, {"action=list-status", "snmp_version=2c"});
  CHECK(list_status.out.find("\n12,node12,ON\n") != std::string::npos);

  const FenceRun status = agent(v1, {"action=status", "plug=node1"});
  CHECK(status.status == 0);
  CHECK(status.out == "Status: ON\n");

  // Pacemaker's way: the node as nodename and port.
  const FenceRun off = agent(v1, {"action=off", "port=node1", "nodename=node1"});
  CHECK(off.status == 0);
  CHECK(off.out == "Success: Powered OFF\n");
  CHECK(powered(pdu) == all_on_but({1}));
  CHECK(pdu.switches() == std::vector<Switch>{{1, "off", "rpdu"}});
  CHECK(agent(v1, {"action=status", "plug=node1"}).status == 2);
  CHECK(agent(v1, {"action=list-status"}).out.starts_with("1,node1,OFF\n2,node2,ON\n"));

  CHECK(agent(v1, {"action=on", "plug=node1"}).out == "Success: Powered ON\n");
  CHECK(powered(pdu) == all_on_but({}));

  const FenceRun reboot = agent(v1, {"nodename=node10"});  // action defaults to reboot
  CHECK(reboot.status == 0);
  CHECK(reboot.out == "Success: Rebooted\n");
  CHECK(pdu.switches() ==
        std::vector<Switch>{
            {1, "off", "rpdu"}, {1, "on", "rpdu"}, {10, "off", "rpdu"}, {10, "on", "rpdu"}});

  SECTION("a node fed by two outlets is switched on both, and off only once both read off") {
    CHECK(agent(v1, {"action=off", "plug=db"}).status == 0);
    CHECK(powered(pdu) == all_on_but({13, 14}));
    CHECK(agent(v1, {"action=status", "plug=db"}).status == 2);
    CHECK(agent(v1, {"action=reboot", "plug=db"}).status == 0);  // already off: just on
    CHECK(powered(pdu) == all_on_but({}));
  }
  SECTION("outlet numbers, several plugs, and fence-agents' command-line flags") {
    CHECK(agent(v1, {"action=off", "plug=12"}).status == 0);
    CHECK(agent(v1, {"action=off", "plug=2,3"}).status == 0);
    CHECK(powered(pdu) == all_on_but({2, 3, 12}));
    // The read-only community is no secret: flags will do.
    const FenceRun flags = fence_test::run_with_flags(
        kAgent, {"-a", "127.0.0.1", "-u", std::to_string(pdu.port()), "-c", "public", "-d", "2c",
                 "-n", "12", "-o", "status"});
    INFO(flags.describe());
    CHECK(flags.status == 2);
    CHECK(agent(v1, {"action=monitor"}).status == 0);
    CHECK(agent(v1, {"action=validate-all"}).status == 0);
  }
}

TEST_CASE("fence_hakit_rackpdu: a MasterSwitch by its sysObjectID, the table by parameter, v3",
          "[fence][rackpdu]") {
  const lab::TempDir dir("rackpdu-spdu");
  ApcPduSimulator::Config config = pdu_config();
  config.sys_object_id = ".1.3.6.1.4.1.318.1.3.4.2";
  const ApcPduSimulator pdu(dir.path(), config);
  std::vector<std::string> v2c = v1_options(pdu);
  v2c.push_back("snmp_version=2c");

  CHECK(agent(v2c, {"action=off", "plug=node2"}).status == 0);
  CHECK(agent(v2c, {"action=on", "plug=node2", "outlet_table=rpdu"}).status == 0);
  const std::vector<std::string> v3{"ip=127.0.0.1",
                                    "ipport=" + std::to_string(pdu.port()),
                                    "snmp_version=3",
                                    "login=pduadmin",
                                    "passwd=" + kAuthPassword,
                                    "snmp_auth_prot=SHA",
                                    "snmp_priv_prot=AES",
                                    "snmp_priv_passwd=" + kPrivPassword};
  CHECK(agent(v3, {"action=reboot", "plug=node3"}).status == 0);
  CHECK(pdu.switches() ==
        std::vector<Switch>{
            {2, "off", "spdu"}, {2, "on", "rpdu"}, {3, "off", "spdu"}, {3, "on", "spdu"}});
  CHECK(powered(pdu) == all_on_but({}));

  // cluster-glue's oid names the command column directly.
  CHECK(agent(v2c, {"action=off", "plug=node4", "oid=.1.3.6.1.4.1.318.1.1.12.3.3.1.1.4"}).status ==
        0);
  CHECK(pdu.switches().back() == Switch{4, "off", "rpdu"});

  std::vector<std::string> wrong_password = v3;
  wrong_password[4] = "passwd=not-the-password";
  check_failed_cleanly(agent(wrong_password, {"action=off", "plug=node5"}), 5s,
                       "Authentication failure");
  CHECK(powered(pdu) == all_on_but({4}));
}

TEST_CASE("fence_hakit_rackpdu faults fail within the timeout, say why and switch nothing",
          "[fence][rackpdu]") {
  const lab::TempDir dir("rackpdu-faults");
  ApcPduSimulator pdu(dir.path(), pdu_config());
  std::vector<std::string> v1 = v1_options(pdu);
  // One SNMP request may take 2 s.
  v1.insert(v1.end(), {"shell_timeout=1", "login_timeout=1", "power_timeout=3"});

  SECTION("a node the PDU does not know; node1 is not a prefix of node10") {
    check_failed_cleanly(agent(v1, {"action=off", "plug=node13"}), 3s,
                         "is named 'node13' (names must match exactly)");
    check_failed_cleanly(agent(v1, {"action=off", "plug=node"}), 3s, "is named 'node'");
    check_failed_cleanly(agent(v1, {"action=reboot", "plug=99"}), 3s, "has no outlet 99");
    CHECK(pdu.switches().empty());
  }
  SECTION("a wrong community gets no answer") {
    std::vector<std::string> wrong = v1;
    wrong.push_back("community=not-the-community");
    check_failed_cleanly(agent(wrong, {"action=off", "plug=node2"}), 4s,
                         "or ignores this community");
    CHECK(agent(wrong, {"action=status", "plug=node2"}).status == 1);
    CHECK(pdu.switches().empty());
  }
  SECTION("the read-only community cannot switch") {
    std::vector<std::string> read_only = v1;
    read_only.push_back("community=public");
    check_failed_cleanly(agent(read_only, {"action=off", "plug=node2"}), 4s, "refused to write");
    CHECK(pdu.switches().empty());
  }
  SECTION("a relay that never switches: off times out after power_timeout") {
    pdu.set_stuck({"node3"});
    check_failed_cleanly(agent(v1, {"action=off", "plug=node3"}), 8s, "still reported ON");
    CHECK(powered(pdu) == all_on_but({}));
    CHECK(pdu.switches() == std::vector<Switch>{{3, "off", "rpdu"}});
  }
  SECTION("a slow PDU, while no process shows a secret on its command line") {
    pdu.set_delay(5);
    std::vector<std::string> options = v1;
    options.insert(options.end(), {"action=off", "plug=node2"});
    const auto [run, shown] =
        watching_command_lines({.argv = {kAgent}, .input = join(options, "\n") + "\n"});
    check_failed_cleanly(run, 4s, "no answer from udp:127.0.0.1:");
    CHECK(shown.empty());
    pdu.set_delay(0);
    CHECK(pdu.switches().empty());
  }
  SECTION("no PDU at all") {
    pdu.stop();
    check_failed_cleanly(agent(v1, {"action=reboot", "plug=node2"}), 4s,
                         "the device is down or unreachable");
    check_failed_cleanly(agent(v1, {"action=monitor"}), 4s, "the device is down or unreachable");
  }
}

TEST_CASE("external/hakit-rackpdu through cluster-glue's stonith CLI, with rackpdu's parameters",
          "[fence][rackpdu]") {
  if (::geteuid() != 0) {
    WARN("skipped: installing a cluster-glue plugin needs root");
    return;
  }
  const lab::InstalledFile plugin(HAKIT_BUILD_PLUGIN_DIR "/hakit-rackpdu",
                                  "/usr/lib/stonith/plugins/external/hakit-rackpdu");
  const lab::TempDir dir("rackpdu-external");
  ApcPduSimulator pdu(dir.path(), pdu_config());
  const std::map<std::string, std::string> legacy{
      {"hostlist", "AUTO"}, {"pduip", pdu.host_and_port()}, {"community", kCommunity}};

  const FenceRun names =
      fence_test::timed_run({.argv = {"stonith", "-t", "external/hakit-rackpdu", "-n"}}, 30s);
  CHECK(split(names.out) == std::vector<std::string>{"hostlist", "pduip", "community"});

  const FenceRun hosts = stonith_cli(legacy, {"-l"});
  CHECK(hosts.status == 0);
  CHECK(hosts.out.find("node1\n") != std::string::npos);
  CHECK(hosts.out.find("node10\n") != std::string::npos);
  CHECK(stonith_cli(legacy, {"-S"}).status == 0);  // an SNMP get, so a port works

  CHECK(stonith_cli(legacy, {"-T", "off", "node1"}).status == 0);
  CHECK(powered(pdu) == all_on_but({1}));
  CHECK(stonith_cli(legacy, {"-T", "on", "node1"}).status == 0);
  CHECK(stonith_cli(legacy, {"-T", "reset", "node10"}).status == 0);
  CHECK(pdu.switches() ==
        std::vector<Switch>{
            {1, "off", "rpdu"}, {1, "on", "rpdu"}, {10, "off", "rpdu"}, {10, "on", "rpdu"}});
  CHECK(powered(pdu) == all_on_but({}));

  SECTION("outlet_config maps nodes to outlets; unknown nodes and a slow PDU fail") {
    const std::string config = dir / "outlets.conf";
    std::ofstream(config) << "# rack 4\nweb-a = 4\nweb-b=5\nweb-b=6\n";
    std::map<std::string, std::string> mapped = legacy;
    mapped["outlet_config"] = config;
    CHECK(stonith_cli(mapped, {"-l"}).out == "web-a\nweb-b\nweb-b\n");
    CHECK(stonith_cli(mapped, {"-T", "off", "web-b"}).status == 0);
    CHECK(powered(pdu) == all_on_but({5, 6}));
    const FenceRun unknown = stonith_cli(mapped, {"-T", "off", "node1"});
    CHECK(unknown.status != 0);
    CHECK(unknown.err.find("outlet_config names no outlet for 'node1'") != std::string::npos);

    pdu.set_delay(20);
    const auto [slow, shown] =
        watching_command_lines(stonith_cli_command(legacy, {"-T", "off", "node7"}));
    INFO(slow.describe());
    CHECK(slow.status != 0);
    CHECK(slow.elapsed < 15s);  // one request: shell_timeout + login_timeout, 8 s
    CHECK(shown.empty());
    CHECK(slow.err.find(kCommunity) == std::string::npos);
    pdu.set_delay(0);
  }
  SECTION("no PDU") {
    pdu.stop();
    const FenceRun status = stonith_cli(legacy, {"-S"});
    CHECK(status.status != 0);
    CHECK(status.elapsed < 15s);
  }
}

TEST_CASE("Pacemaker fences through stonith:fence_hakit_rackpdu and stonith:external/hakit-rackpdu",
          "[fence][rackpdu][pacemaker]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab cluster and installing fence agents need root");
    return;
  }
  // Declared so that the cluster stops first, then the PDU, then the installed files go.
  const lab::InstalledFile installed_agent(kAgent, "/usr/sbin/fence_hakit_rackpdu");
  const lab::InstalledFile installed_plugin(HAKIT_BUILD_PLUGIN_DIR "/hakit-rackpdu",
                                            "/usr/lib/stonith/plugins/external/hakit-rackpdu");
  const lab::TempDir dir("pacemaker-rackpdu");
  const ApcPduSimulator pdu(dir / "pdu", pdu_config());
  const lab::Cluster cluster(dir / "cluster");
  const auto registered = [&](const std::string& device) {
    return lab::wait_until(
        [&] {
          const std::string devices = fence_test::stonith_admin({"--list-registered"}).out;
          return devices.find(device) != std::string::npos &&
                 devices.find("1 fence device") != std::string::npos;
        },
        60s);
  };

  // The fence agent, its targets from its list action (dynamic-list).
  cluster.crm({"configure", "property", "stonith-enabled=true"});
  cluster.crm({"configure", "primitive", "fence-pdu", "stonith:fence_hakit_rackpdu", "params",
               "ip=127.0.0.1", "ipport=" + std::to_string(pdu.port()), "community=" + kCommunity,
               "op", "monitor", "interval=60s"});
  {
    const bool ready = registered("fence-pdu");
    INFO(cluster.status());
    REQUIRE(ready);
  }
  {
    const auto [reboot, shown] = watching_command_lines(
        {.argv = {"stonith_admin", "--reboot", "node2", "--tolerance", "0"}});
    INFO(reboot.describe());
    CHECK(reboot.status == 0);
    CHECK(shown.empty());
  }
  CHECK(fence_test::stonith_admin({"--fence", "node3", "--tolerance", "0"}).status == 0);
  CHECK(fence_test::stonith_admin({"--fence", "node13", "--tolerance", "0"}).status !=
        0);  // no outlet
  CHECK(pdu.switches() ==
        std::vector<Switch>{{2, "off", "rpdu"}, {2, "on", "rpdu"}, {3, "off", "rpdu"}});
  CHECK(powered(pdu) == all_on_but({3}));

  // The cluster-glue plugin instead, through fence_legacy and the stonith CLI; its MasterSwitch
  // table shows in the PDU's record which device switched.
  cluster.crm({"resource", "stop", "fence-pdu"});
  REQUIRE(lab::wait_until([&] { return !cluster.resource_started("fence-pdu"); }, 60s));
  cluster.crm({"configure", "delete", "fence-pdu"});
  cluster.crm({"configure", "primitive", "fence-legacy-pdu", "stonith:external/hakit-rackpdu",
               "params", "hostlist=AUTO", "pduip=" + pdu.host_and_port(), "community=" + kCommunity,
               "outlet_table=spdu", "op", "monitor", "interval=60s"});
  {
    const bool ready = registered("fence-legacy-pdu");
    INFO(cluster.status());
    REQUIRE(ready);
  }
  {
    const auto [reboot, shown] = watching_command_lines(
        {.argv = {"stonith_admin", "--reboot", "node10", "--tolerance", "0"}});
    INFO(reboot.describe());
    CHECK(reboot.status == 0);
    CHECK(shown.empty());
  }
  CHECK(fence_test::stonith_admin({"--fence", "node4", "--tolerance", "0"}).status == 0);
  CHECK(pdu.switches() == std::vector<Switch>{{2, "off", "rpdu"},
                                              {2, "on", "rpdu"},
                                              {3, "off", "rpdu"},
                                              {10, "off", "spdu"},
                                              {10, "on", "spdu"},
                                              {4, "off", "spdu"}});
  CHECK(powered(pdu) == all_on_but({3, 4}));
}
