// The pingd agent run directly against a real attrd: what monitor says about unreachable
// hosts, failure_score, reload of dampen and multiplier, stop, an attrd restart; the conformance
// runs of ocf-tester and `hakit check`; and ICMP datagram sockets where ping_group_range allows
// them. Targets are loopback addresses and network namespaces (tests/lab/netns.h).
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "cluster.h"
#include "exec/command.h"
#include "hakit/agent_runner.h"
#include "net/reachability.h"
#include "netns.h"
#include "ocf/attrd_instance.h"
#include "ocf/node_attribute.h"
#include "run_checked.h"
#include "temp_dir.h"
#include "util/strings.h"
#include "util/unique_fd.h"

using namespace hakit;
using namespace std::chrono_literals;
using cli::AgentRun;
using ocf::ExitCode;

namespace {

const std::string kAgent = std::string(HAKIT_BUILD_AGENT_DIR) + "/pingd";

std::optional<std::string> cib_attribute(const std::string& name) {
  const auto result = exec::run({.argv = {"crm_attribute", "-N", lab::Cluster::kNodeName, "-n",
                                          name, "-l", "reboot", "-G", "-q"}},
                                exec::Deadline::in(10s));
  if (!result.ok()) return std::nullopt;
  return std::string(trim(result.out));
}

/// One pingd resource with its state in `rsctmp`, run as Pacemaker's executor would.
struct PingdResource {
  std::string rsctmp;
  std::map<std::string, std::string> params;  ///< what the next runs are configured with

  AgentRun run(const std::string& action, exec::Millis interval = exec::Millis(0)) const {
    const cli::AgentTarget target{.path = kAgent, .instance = "p_ping", .params = params};
    const AgentRun run =
        cli::run_agent(target, {.action = action,
                                .timeout = exec::Millis(30000),
                                .interval = interval,
                                .extra_env = {{"HA_RSCTMP", rsctmp}, {"HA_LOGFACILITY", "none"}}});
    INFO(action << ": " << run.result.err);
    CHECK(run.result.out.empty());
    return run;
  }
  /// A recurring monitor, as opposed to a probe.
  AgentRun monitor() const { return run("monitor", exec::Millis(10000)); }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("pingd names unreachable hosts, applies failure_score, reloads dampen and multiplier",
          "[pingd][attrd]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab cluster and network namespaces need root");
    return;
  }
  const lab::NetnsPeer peer;
  const lab::TempDir dir("pingd-agent");
  const lab::Cluster cluster(dir / "cluster");
  const std::string rsctmp = dir / "rsctmp";
  std::filesystem::create_directory(rsctmp);
  PingdResource pingd{rsctmp,
                      {{"host_list", cat("127.0.0.1 ", peer.ipv4(), " ", peer.ipv6())},
                       {"name", "pingd_test"},
                       {"multiplier", "100"},
                       {"dampen", "1s"},
                       {"timeout", "1"},
                       {"attempts", "2"}}};

  CHECK(pingd.run("monitor").returned(ExitCode::kNotRunning));
  REQUIRE(pingd.run("start").returned(ExitCode::kSuccess));
  CHECK(std::filesystem::exists(rsctmp + "/pingd-pingd_test"));
  CHECK(lab::wait_until([] { return cib_attribute("pingd_test") == "300"; }, 10s));

  SECTION("a lost target is named, once, and failure_score fails the monitor") {
    peer.disconnect();
    pingd.params["failure_score"] = "300";
    const AgentRun lost = pingd.monitor();
    pingd.params.erase("failure_score");
    CHECK(lost.returned(ExitCode::kErrGeneric));
    REQUIRE(lost.exit_reason);
    CHECK(contains(*lost.exit_reason,
                   "pingd_test=100, 1 of 3 hosts reachable, below "
                   "failure_score 300; unreachable: "));
    CHECK(contains(*lost.exit_reason, cat(peer.ipv4(), " (no reply to 2 echo requests)")));
    CHECK(contains(*lost.exit_reason, cat(peer.ipv6(), " (no reply to 2 echo requests)")));
    CHECK(contains(lost.result.err, cat("connectivity lost to ", peer.ipv4())));
    // Retries timeout/attempts apart, each answered within timeout: 1.5 s, not 2 x 1 s.
    CHECK(lost.elapsed >= 1s);
    CHECK(lost.elapsed < 1900ms);

    const AgentRun still = pingd.monitor();
    CHECK(still.returned(ExitCode::kSuccess));  // without failure_score, no failure
    CHECK_FALSE(contains(still.result.err, "connectivity lost"));
    CHECK(lab::wait_until([] { return cib_attribute("pingd_test") == "100"; }, 10s));

    peer.connect();
    const AgentRun back = pingd.monitor();
    CHECK(back.returned(ExitCode::kSuccess));
    CHECK(contains(back.result.err, cat("connectivity restored to ", peer.ipv4())));
    CHECK(lab::wait_until([] { return cib_attribute("pingd_test") == "300"; }, 10s));
  }

  SECTION("reload gives attrd the new dampening at once, and the new multiplier") {
    // With the old 1 s dampening, 30 would be in the CIB a second later; the new 15 s hold it.
    pingd.params["dampen"] = "15s";
    pingd.params["multiplier"] = "10";
    REQUIRE(pingd.run("reload").returned(ExitCode::kSuccess));
    CHECK(ocf::query_node_attribute("pingd_test", exec::Deadline::in(10s)) == "30");
    std::this_thread::sleep_for(4s);
    CHECK(cib_attribute("pingd_test") == "300");
    CHECK(lab::wait_until([] { return cib_attribute("pingd_test") == "30"; }, 20s));
    // And back: monitors keep the 15 s, a reload to 1 s applies it.
    pingd.params["dampen"] = "1s";
    pingd.params["multiplier"] = "50";
    REQUIRE(pingd.run("reload").returned(ExitCode::kSuccess));
    CHECK(lab::wait_until([] { return cib_attribute("pingd_test") == "150"; }, 5s));
  }

  CHECK(pingd.run("stop").returned(ExitCode::kSuccess));
  CHECK_FALSE(std::filesystem::exists(rsctmp + "/pingd-pingd_test"));
  CHECK(pingd.run("monitor").returned(ExitCode::kNotRunning));
  CHECK(lab::wait_until([] { return !cib_attribute("pingd_test").has_value(); }, 10s));
  CHECK(pingd.run("stop").returned(ExitCode::kSuccess));  // stopping twice is fine
}

TEST_CASE("after attrd restarts, the next monitor writes the unchanged attribute again",
          "[pingd][attrd]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab cluster needs root");
    return;
  }
  const lab::TempDir dir("pingd-attrd-restart");
  const lab::Cluster cluster(dir / "cluster");
  const std::string rsctmp = dir / "rsctmp";
  std::filesystem::create_directory(rsctmp);
  const PingdResource pingd{rsctmp,
                            {{"host_list", "127.0.0.1 127.0.0.2"},
                             {"name", "pingd_restart"},
                             {"multiplier", "100"},
                             {"dampen", "1s"}}};

  REQUIRE(pingd.run("start").returned(ExitCode::kSuccess));
  CHECK(lab::wait_until([] { return cib_attribute("pingd_restart") == "200"; }, 10s));
  // What the monitors skip on: the attrd that took the value (lib/ocf/attrd_memo.h).
  const std::string record = rsctmp + "/pingd-pingd_restart.attrd";
  CHECK(std::filesystem::exists(record));
  CHECK(pingd.monitor().returned(ExitCode::kSuccess));

  const auto attrd = ocf::running_attrd();
  REQUIRE(attrd);
  REQUIRE(::kill(attrd->pid, SIGKILL) == 0);
  // pacemakerd starts a new attrd, which knows nothing of the attribute and clears this
  // node's transient attributes from the CIB.
  CHECK(lab::wait_until(
      [&] {
        const auto now = ocf::running_attrd();
        return now && now != attrd;
      },
      30s));
  CHECK(lab::wait_until([] { return !cib_attribute("pingd_restart").has_value(); }, 20s));
  CHECK_FALSE(ocf::query_node_attribute("pingd_restart", exec::Deadline::in(10s)));

  const AgentRun after = pingd.monitor();
  CHECK(after.returned(ExitCode::kSuccess));
  CHECK(contains(after.result.err, "attrd restarted: pingd_restart=200 sent again"));
  CHECK(ocf::query_node_attribute("pingd_restart", exec::Deadline::in(10s)) == "200");
  CHECK(lab::wait_until([] { return cib_attribute("pingd_restart") == "200"; }, 10s));

  CHECK(pingd.run("stop").returned(ExitCode::kSuccess));
  CHECK_FALSE(std::filesystem::exists(record));
  CHECK(lab::wait_until([] { return !cib_attribute("pingd_restart").has_value(); }, 10s));
}

TEST_CASE("ocf-tester and hakit check pass pingd and its ping alias", "[pingd][ocf-tester]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab cluster needs root");
    return;
  }
  const lab::TempDir dir("pingd-conformance");
  const lab::ProviderMount provider(HAKIT_BUILD_AGENT_DIR);
  const lab::Cluster cluster(dir / "cluster");
  const auto deadline = [] { return exec::Deadline::in(std::chrono::minutes(3)); };

  for (const std::string agent : {"pingd", "ping"}) {
    INFO(agent);
    const auto tester =
        exec::run({.argv = {"/usr/sbin/ocf-tester", "-n", "p_" + agent, "-o",
                            "host_list=127.0.0.1 ::1", "/usr/lib/ocf/resource.d/hakit/" + agent}},
                  deadline());
    INFO(tester.out << tester.err);
    CHECK(tester.exit_status == 0);
    CHECK(contains(tester.out, "passed all tests"));
  }

  const auto check = exec::run(
      {.argv = {HAKIT_BUILD_CLI, "check", "pingd", "-p", "host_list=127.0.0.1 ::1 localhost"},
       .env = {{"HAKIT_AGENT_DIR", HAKIT_BUILD_AGENT_DIR}}},
      deadline());
  INFO(check.out << check.err);
  CHECK(check.exit_status == 0);
  CHECK_FALSE(contains(check.out, "\nFAIL  "));
  CHECK(contains(check.out, "passed all checks"));
  CHECK_FALSE(cib_attribute("pingd").has_value());
}

TEST_CASE("unprivileged ICMP datagram sockets ping where ping_group_range allows them",
          "[pingd][netns]") {
  if (::geteuid() != 0) {
    WARN("skipped: network namespaces need root");
    return;
  }
  // In the peer's namespace, where the sysctl is its own, ping from there to this side.
  const lab::NetnsPeer peer;
  lab::run_checked({"ip", "netns", "exec", peer.namespace_name(), "sysctl", "-qw",
                    "net.ipv4.ping_group_range=0 2147483647"});
  const std::string here_v4 = cat(peer.ipv4().substr(0, peer.ipv4().rfind('.')), ".1");
  const std::string here_v6 = cat(peer.ipv6().substr(0, peer.ipv6().rfind(':')), ":1");

  std::vector<net::HostReachability> results;
  bool raw = true;
  std::string problem;
  // setns() moves only the calling thread: a thread of its own keeps the test's namespace.
  std::thread([&] {
    try {
      const UniqueFd ns(::open(cat("/run/netns/", peer.namespace_name()).c_str(), O_RDONLY));
      if (!ns.valid() || ::setns(ns.get(), CLONE_NEWNET) != 0) throw std::runtime_error("setns");
      raw = net::EchoSocket(AF_INET, net::SocketKind::kDatagram).raw();
      net::ProbeSettings settings;
      settings.socket_kind = net::SocketKind::kDatagram;
      const std::vector<net::Resolution> hosts = {{net::IpAddress::parse(here_v4), ""},
                                                  {net::IpAddress::parse(here_v6), ""},
                                                  {net::IpAddress::parse("127.0.0.1"), ""}};
      results = net::probe(hosts, settings, exec::Deadline::in(5s));
    } catch (const std::exception& error) {
      problem = error.what();
    }
  }).join();

  INFO(problem);
  REQUIRE(problem.empty());
  CHECK_FALSE(raw);
  REQUIRE(results.size() == 3);
  for (const auto& result : results) CHECK(result.reachable);
}
