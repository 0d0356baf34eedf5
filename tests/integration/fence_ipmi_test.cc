// fence_hakit_ipmi and external/hakit-ipmi against a simulated BMC (OpenIPMI's ipmi_sim,
// tests/lab/ipmi_simulator.h), over IPMI 2.0 lanplus and IPMI 1.5 lan. Every power change
// is read back from the simulator's state file, not from the agent's word; every fault
// (no BMC, wrong password, a hung BMC, a node it does not power, a BMC that never switches
// or cannot read its state) must fail within its timeout and never claim success.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <future>

#include "fence_run.h"
#include "free_port.h"
#include "installed_file.h"
#include "ipmi_simulator.h"
#include "temp_dir.h"
#include "util/unique_fd.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::FenceRun;

namespace {

const std::string kAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_ipmi";
const std::string kPlugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-ipmi";
const std::string kInstalledPlugin = "/usr/lib/stonith/plugins/external/hakit-ipmi";
// At most 16 bytes, so that IPMI 1.5 takes it too; unique, so a scan of /proc finds only it.
const std::string kPassword = "Ipmi-lab-pw-7q3";

/// A simulated BMC powering node2, for one test.
struct IpmiLab {
  lab::TempDir dir{"ipmi"};
  lab::IpmiSimulator bmc{dir.path(), {.username = "admin", .password = kPassword}};

  /// The fencer's stdin for `action` over lanplus (the default cipher suite), then `extra`.
  std::vector<std::string> options(const std::string& action,
                                   const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> lines{"action=" + action,
                                   cat("ip=", lab::IpmiSimulator::kAddress),
                                   cat("ipport=", bmc.port()),
                                   "username=admin",
                                   "password=" + kPassword,
                                   "lanplus=1",
                                   "hostname=node2",
                                   "plug=node2",
                                   "nodename=node2"};
    lines.insert(lines.end(), extra.begin(), extra.end());
    return lines;
  }
  FenceRun agent(const std::string& action, const std::vector<std::string>& extra = {}) const {
    return fence_test::run_with_stdin(kAgent, options(action, extra));
  }
  /// external/ipmi's parameters, as `stonith -E` and Pacemaker's fence_legacy pass them:
  /// in the environment, never on a command line.
  std::map<std::string, std::string> plugin_environment() const {
    return {{"hostname", "node2"},    {"ipaddr", lab::IpmiSimulator::kAddress},
            {"userid", "admin"},      {"passwd", kPassword},
            {"interface", "lanplus"}, {"ipport", std::to_string(bmc.port())}};
  }
  FenceRun stonith(std::vector<std::string> args,
                   const std::map<std::string, std::string>& changes = {}) const {
    std::map<std::string, std::string> environment = plugin_environment();
    for (const auto& [name, value] : changes) environment[name] = value;
    args.insert(args.begin(), {"stonith", "-t", "external/hakit-ipmi", "-E"});
    return fence_test::timed_run({.argv = args, .env = environment}, 2min);
  }
  /// The chassis requests the BMC received since `from` (an earlier calls().size()).
  std::vector<std::string> calls_since(size_t from) const {
    const std::vector<std::string> calls = bmc.calls();
    return {calls.begin() + long(std::min(from, calls.size())), calls.end()};
  }
};

bool switched_power(const std::vector<std::string>& calls) {
  return std::any_of(calls.begin(), calls.end(),
                     [](const std::string& call) { return call.starts_with("set power"); });
}

void require_failure_in_time(const FenceRun& run, std::chrono::milliseconds limit,
                             const std::string& message) {
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK_FALSE(run.claims_success());
  CHECK(run.elapsed < limit);
  CHECK(run.err.find(message) != std::string::npos);
}

/// A UDP port that something holds and never answers: a BMC that is there but silent.
class SilentPort {
 public:
  SilentPort() : fd_(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {
    port_ = lab::free_port(lab::IpmiSimulator::kAddress, SOCK_DGRAM);
    sockaddr_in where{};
    where.sin_family = AF_INET;
    where.sin_port = htons(uint16_t(port_));
    where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd_.get(), reinterpret_cast<const sockaddr*>(&where), sizeof where) == 0);
  }
  int port() const { return port_; }

 private:
  UniqueFd fd_;
  int port_ = 0;
};

bool is_root() {
  if (geteuid() == 0) return true;
  WARN("skipped: installing the plugin and the lab's cleanup need root");
  return false;
}

}  // namespace

TEST_CASE("fence_hakit_ipmi switches a simulated BMC over lanplus and reads it back",
          "[fence][ipmi]") {
  if (!is_root()) return;
  IpmiLab lab;

  FenceRun run = lab.agent("status");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Status: ON\n");

  run = lab.agent("off");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Powered OFF\n");
  CHECK_FALSE(lab.bmc.powered());

  run = lab.agent("status");
  CHECK(run.status == 2);
  CHECK(run.out == "Status: OFF\n");

  run = lab.agent("on");
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Powered ON\n");
  CHECK(lab.bmc.powered());

  size_t before = lab.bmc.calls().size();
  run = lab.agent("reboot");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Rebooted\n");
  CHECK(lab.bmc.powered());
  // Off read back as off before on was asked for, and on read back.
  CHECK(lab.calls_since(before) == std::vector<std::string>{"get power", "set power 0", "get power",
                                                            "get power", "set power 1",
                                                            "get power"});

  // method=cycle: one Chassis Control power cycle (ipmi_sim powers up again after 1 s).
  before = lab.bmc.calls().size();
  run = lab.agent("reboot", {"method=cycle"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.bmc.powered());
  std::vector<std::string> calls = lab.calls_since(before);
  CHECK(std::count(calls.begin(), calls.end(), "set power 0") == 1);

  // A cycle of a machine that is off powers it up (fence-agents #596).
  lab.bmc.set_powered(false);
  before = lab.bmc.calls().size();
  run = lab.agent("reboot", {"method=cycle"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.bmc.powered());
  calls = lab.calls_since(before);
  CHECK(std::count(calls.begin(), calls.end(), "set power 0") == 0);

  CHECK(lab.agent("monitor").status == 0);
  CHECK(lab.agent("validate-all").status == 0);
  CHECK(lab.agent("validate-all", {"cipher=17"}).status == 2);
  // One node per BMC, as fence_ipmilan: no list action.
  run = lab.agent("list");
  CHECK(run.status == 1);
  CHECK(run.out.empty());
}

TEST_CASE("fence_hakit_ipmi takes fence_ipmilan's flags and IPMI 1.5 (lan)", "[fence][ipmi]") {
  if (!is_root()) return;
  IpmiLab lab;
  const std::string port = std::to_string(lab.bmc.port());
  // An administrator's command line; the password comes from a script (never on argv).
  const std::string script = lab.dir / "password.sh";
  {
    std::ofstream out(script);
    out << "#!/bin/sh\necho " << kPassword << "\n";
  }
  REQUIRE(chmod(script.c_str(), 0700) == 0);
  for (const std::vector<std::string>& login :
       {std::vector<std::string>{"-l", "admin", "-S", script},
        std::vector<std::string>{"-l", "admin", "-S", script, "-A", "password"},
        std::vector<std::string>{"-l", "admin", "-S", script, "-P", "-C", "3"}}) {
    std::vector<std::string> flags{"-a", lab::IpmiSimulator::kAddress, "-u", port};
    flags.insert(flags.end(), login.begin(), login.end());
    for (const auto& [action, expected] :
         std::vector<std::pair<std::string, bool>>{{"off", false}, {"on", true}}) {
      std::vector<std::string> with_action = flags;
      with_action.insert(with_action.end(), {"-o", action});
      const FenceRun run = fence_test::run_with_flags(kAgent, with_action);
      INFO(run.describe());
      CHECK(run.status == 0);
      CHECK(lab.bmc.powered() == expected);
    }
    std::vector<std::string> status = flags;
    status.insert(status.end(), {"-o", "status"});
    CHECK(fence_test::run_with_flags(kAgent, status).out == "Status: ON\n");
  }
}

TEST_CASE("external/hakit-ipmi through cluster-glue's stonith CLI", "[fence][ipmi]") {
  if (!is_root()) return;
  IpmiLab lab;
  const lab::InstalledFile plugin(kPlugin, kInstalledPlugin);

  FenceRun run = lab.stonith({"-S"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.stonith({"-l"}).out == "node2\n");

  run = lab.stonith({"-T", "off", "node2"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK_FALSE(lab.bmc.powered());
  run = lab.stonith({"-T", "on", "node2"});
  CHECK(run.status == 0);
  CHECK(lab.bmc.powered());

  const size_t before = lab.bmc.calls().size();
  run = lab.stonith({"-T", "reset", "node2"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.bmc.powered());
  const std::vector<std::string> calls = lab.calls_since(before);
  CHECK(std::count(calls.begin(), calls.end(), "set power 0") == 1);
  CHECK(std::count(calls.begin(), calls.end(), "set power 1") == 1);

  // IPMI 1.5 with external/ipmi's defaults (interface=lan), and its upper-case privilege.
  run = lab.stonith({"-T", "off", "node2"}, {{"interface", "lan"}, {"priv", "ADMINISTRATOR"}});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK_FALSE(lab.bmc.powered());

  // The names and order of `stonith -p`, as external/ipmi has them.
  CHECK(fence_test::timed_run({.argv = {"stonith", "-t", "external/hakit-ipmi", "-n"}}, 30s).out ==
        "hostname  ipaddr  userid  passwd  interface  \n");
}

TEST_CASE("fence_hakit_ipmi and external/hakit-ipmi fail in time when the BMC is not there",
          "[fence][ipmi][faults]") {
  if (!is_root()) return;
  IpmiLab lab;
  const lab::InstalledFile plugin(kPlugin, kInstalledPlugin);
  lab.bmc.stop();

  // lanplus and lan: nobody answers, so each fails after login_timeout.
  require_failure_in_time(lab.agent("off", {"login_timeout=2"}), 4s, "no answer from the BMC");
  require_failure_in_time(lab.agent("status", {"login_timeout=2", "lanplus=0"}), 4s,
                          "no answer from the BMC");
  require_failure_in_time(lab.agent("reboot"), 7s, "no answer from the BMC");  // default: 5 s
  // The plugin: the stonith loader adds a second of its own.
  const FenceRun run = lab.stonith({"-T", "off", "node2"});
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK(run.elapsed < 9s);

  // Something holds the port but never answers.
  const SilentPort silent;
  require_failure_in_time(lab.agent("off", {cat("ipport=", silent.port()), "login_timeout=1.5"}),
                          3500ms, "no answer from the BMC");
}

TEST_CASE("fence_hakit_ipmi refuses a wrong password or user and switches nothing",
          "[fence][ipmi][faults]") {
  if (!is_root()) return;
  IpmiLab lab;
  const lab::InstalledFile plugin(kPlugin, kInstalledPlugin);

  // RMCP+ says so at once: exit 3 (EC_LOGIN_DENIED), as fencing.py has it.
  FenceRun run = lab.agent("off", {"password=wrong-one"});
  require_failure_in_time(run, 2s, "refused the login");
  CHECK(run.status == 3);
  require_failure_in_time(lab.agent("off", {"username=nobody"}), 2s, "refused the login");
  // An IPMI 1.5 BMC just drops the login: no answer within login_timeout, with a hint.
  require_failure_in_time(
      lab.agent("off", {"password=wrong-one", "lanplus=0", "login_timeout=1.5"}), 3500ms,
      "ignores a wrong username or password");
  // Too low a privilege to switch power: the BMC refuses the request itself.
  run = lab.agent("off", {"privlvl=user"});
  require_failure_in_time(run, 3s, "insufficient privilege level");
  CHECK(lab.bmc.powered());

  run = lab.stonith({"-T", "off", "node2"}, {{"passwd", "wrong-one"}});
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK(lab.bmc.powered());
  CHECK_FALSE(switched_power(lab.bmc.calls()));
}

TEST_CASE("fence_hakit_ipmi fails within its timeouts when the BMC hangs",
          "[fence][ipmi][faults]") {
  if (!is_root()) return;
  IpmiLab lab;
  const lab::InstalledFile plugin(kPlugin, kInstalledPlugin);
  // The chassis hook sleeps: ipmi_sim answers nothing at all until it returns.
  lab.bmc.set_delay(30);

  // Logged in, then no answer within shell_timeout (and a second to close the session); or,
  // once ipmi_sim is stuck in the hook, no answer to the login within login_timeout.
  const std::vector<std::string> timeouts{"login_timeout=1", "shell_timeout=2"};
  require_failure_in_time(lab.agent("status", timeouts), 4s, "no answer from the BMC");
  require_failure_in_time(lab.agent("off", timeouts), 4s, "no answer from the BMC");
  require_failure_in_time(lab.agent("reboot"), 6s, "no answer from the BMC");  // 5 s, 3 s
  const FenceRun run = lab.stonith({"-T", "reset", "node2"});
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK(run.elapsed < 8s);
  lab.bmc.set_delay(0);
  CHECK(lab.bmc.powered());
}

TEST_CASE("fence_hakit_ipmi never claims a node it does not power, nor an unconfirmed off",
          "[fence][ipmi][faults]") {
  if (!is_root()) return;
  IpmiLab lab;
  const lab::InstalledFile plugin(kPlugin, kInstalledPlugin);

  SECTION("a node the BMC does not power") {
    require_failure_in_time(lab.agent("off", {"plug=node9", "nodename=node9"}), 2s,
                            "powers node2, not node9");
    const FenceRun run = lab.stonith({"-T", "off", "node9"});
    INFO(run.describe());
    CHECK(run.status != 0);
    CHECK(run.err.find("powers node2, not node9") != std::string::npos);
    CHECK(lab.bmc.powered());
    CHECK_FALSE(switched_power(lab.bmc.calls()));
  }
  SECTION("a BMC that accepts off but keeps the machine on") {
    lab.bmc.set_stuck(true);
    const FenceRun run = lab.agent("off", {"power_timeout=2"});
    require_failure_in_time(run, 5s, "still reported ON");
    CHECK(run.status == 7);  // EC_WAITING_OFF
    CHECK(lab.bmc.powered());
    const FenceRun reboot = lab.agent("reboot", {"power_timeout=2"});
    require_failure_in_time(reboot, 5s, "still reported ON");
  }
  SECTION("a BMC that cannot read its power state") {
    lab.bmc.set_broken(true);
    FenceRun run = lab.agent("status");
    require_failure_in_time(run, 2s, "Get Chassis Status: BMC answered 0xff");
    CHECK(run.status == 1);
    run = lab.agent("off");
    require_failure_in_time(run, 2s, "Get Chassis Status: BMC answered 0xff");
    CHECK_FALSE(switched_power(lab.bmc.calls()));
  }
}

TEST_CASE("no IPMI password on any command line or in the default log", "[fence][ipmi][secrets]") {
  if (!is_root()) return;
  IpmiLab lab;
  const lab::InstalledFile plugin(kPlugin, kInstalledPlugin);
  // A hung BMC keeps each action running while /proc is searched.
  lab.bmc.set_delay(1);

  std::vector<std::string> seen;
  const auto watch = [&](const std::function<FenceRun()>& action) {
    auto running = std::async(std::launch::async, action);
    while (running.wait_for(50ms) != std::future_status::ready) {
      for (const std::string& process : fence_test::processes_showing(kPassword)) {
        seen.push_back(process);
      }
    }
    return running.get();
  };
  const FenceRun agent = watch([&] { return lab.agent("off", {"shell_timeout=10"}); });
  const FenceRun lan = watch([&] { return lab.agent("off", {"lanplus=0", "shell_timeout=10"}); });
  const FenceRun plugin_run = watch([&] { return lab.stonith({"-T", "off", "node2"}); });
  INFO(agent.describe());
  INFO(plugin_run.describe());
  CHECK(seen.empty());
  CHECK_FALSE(lab.bmc.powered());
  for (const FenceRun& run : {agent, lan, plugin_run}) {
    CHECK(run.status == 0);
    CHECK(run.err.find(kPassword) == std::string::npos);
    CHECK(run.out.find(kPassword) == std::string::npos);
  }
}
