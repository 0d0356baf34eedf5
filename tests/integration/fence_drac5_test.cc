// fence_hakit_drac5 and external/hakit-drac5 against a simulated DRAC 5 (an sshd whose
// sessions run a fake racadm, tests/lab/drac_simulator.h). Every power change is read
// back from the simulator's state file, not from the agent's word.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <future>
#include <thread>

#include "drac_fence_lab.h"
#include "installed_file.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::DracLab;
using fence_test::FenceRun;
using fence_test::kDrac5Agent;
using fence_test::kDrac5Plugin;
using fence_test::kDracPassword;
using fence_test::require_failure_in_time;

namespace {

bool calls_contain(const std::vector<std::string>& calls, const std::string& call) {
  return std::find(calls.begin(), calls.end(), call) != calls.end();
}

}  // namespace

TEST_CASE("fence_hakit_drac5 switches a simulated DRAC 5 and reads it back", "[fence][drac5]") {
  if (geteuid() != 0) {
    WARN("skipped: the simulated DRAC runs sshd, which needs root");
    return;
  }
  const DracLab lab;

  FenceRun run = lab.agent("status");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Status: ON\n");

  run = lab.agent("off");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Powered OFF\n");
  CHECK(lab.drac.power() == "OFF");

  run = lab.agent("status");
  CHECK(run.status == 2);
  CHECK(run.out == "Status: OFF\n");

  run = lab.agent("on");
  CHECK(run.status == 0);
  CHECK(lab.drac.power() == "ON");

  const size_t calls_before_reboot = lab.drac.calls().size();
  run = lab.agent("reboot");
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Rebooted\n");
  CHECK(lab.drac.power() == "ON");
  const std::vector<std::string> calls = lab.drac.calls();
  const std::vector<std::string> reboot_calls(calls.begin() + long(calls_before_reboot),
                                              calls.end());
  // Off read back as OFF before on was asked for.
  CHECK(reboot_calls ==
        std::vector<std::string>{"serveraction powerstatus", "serveraction powerdown",
                                 "serveraction powerstatus", "serveraction powerstatus",
                                 "serveraction powerup", "serveraction powerstatus"});

  run = lab.agent("reboot", {"method=cycle"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(calls_contain(lab.drac.calls(), "serveraction powercycle"));

  CHECK(lab.agent("list").out == "node5,node5\n");
  CHECK(lab.agent("list-status").out == "node5,node5,ON\n");
  CHECK(lab.agent("monitor").status == 0);
  CHECK(lab.agent("validate-all").status == 0);
  CHECK(lab.agent("validate-all", {"drac_version=DRAC MC"}).status != 0);

  // Flags, with fence-agents' option names, as an administrator types them.
  run = fence_test::run_with_flags(
      kDrac5Agent, {"-a", lab.drac.sshd().address(), "-u", std::to_string(lab.drac.sshd().port()),
                    "-l", "root", "-k", lab.key.path, "--known-hosts",
                    lab.drac.sshd().known_hosts(), "-n", "node5", "-o", "off"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.drac.power() == "OFF");

  // fence_drac5's ssh_options carry the port and known-hosts file too.
  run = fence_test::run_with_stdin(
      kDrac5Agent, {"action=on", "ipaddr=" + lab.drac.sshd().address(), "login=root",
                    "identity_file=" + lab.key.path, "port=node5",
                    cat("ssh_options=-t -p ", lab.drac.sshd().port(),
                        " -o UserKnownHostsFile=", lab.drac.sshd().known_hosts())});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.drac.power() == "ON");
}

TEST_CASE("fence_hakit_drac5 logs in with a password that no command line or log shows",
          "[fence][drac5][secrets]") {
  if (geteuid() != 0) {
    WARN("skipped: the simulated DRAC runs sshd, which needs root");
    return;
  }
  DracLab lab;
  const lab::InstalledFile plugin(kDrac5Plugin, "/usr/lib/stonith/plugins/external/hakit-drac5");
  const std::vector<std::string> login = {"ip=" + lab.drac.sshd().address(),
                                          cat("ipport=", lab.drac.sshd().port()),
                                          "login=root",
                                          "passwd=" + kDracPassword,
                                          "known_hosts=" + lab.drac.sshd().known_hosts(),
                                          "port=node5"};
  const auto with = [&](std::vector<std::string> lines) {
    lines.insert(lines.end(), login.begin(), login.end());
    return lines;
  };

  FenceRun run = fence_test::run_with_stdin(kDrac5Agent, with({"action=status"}));
  INFO(run.describe());
  CHECK(run.status == 0);

  // A slow DRAC keeps the agent (and the plugin) busy while every command line is read.
  lab.drac.set_delay(2);
  auto agent = std::async(std::launch::async, [&] {
    return fence_test::run_with_stdin(kDrac5Agent, with({"action=off", "power_timeout=10"}));
  });
  std::map<std::string, std::string> plugin_env = {{"ipaddr", lab.drac.sshd().address()},
                                                   {"port", std::to_string(lab.drac.sshd().port())},
                                                   {"userid", "root"},
                                                   {"passwd", kDracPassword},
                                                   {"known_hosts", lab.drac.sshd().known_hosts()},
                                                   {"hostname", "node5"}};
  auto plugin_run = std::async(std::launch::async, [&] {
    return fence_test::timed_run(
        {.argv = {"stonith", "-t", "external/hakit-drac5", "-E", "-S"}, .env = plugin_env}, 2min);
  });
  std::vector<std::string> shown;
  while (agent.wait_for(50ms) != std::future_status::ready) {
    for (const std::string& process : fence_test::processes_showing(kDracPassword)) {
      shown.push_back(process);
    }
  }
  run = agent.get();
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.drac.power() == "OFF");
  CHECK(shown.empty());
  CHECK(run.err.find(kDracPassword) == std::string::npos);
  CHECK(run.out.find(kDracPassword) == std::string::npos);
  run = plugin_run.get();
  INFO(run.describe());
  CHECK(run.status == 0);

  // A wrong password is refused, and the refusal does not quote the password either.
  lab.drac.set_delay(0);
  run = fence_test::run_with_stdin(
      kDrac5Agent, {"action=status", "ip=" + lab.drac.sshd().address(),
                    cat("ipport=", lab.drac.sshd().port()), "username=root", "password=Wrong-one-7",
                    "known_hosts=" + lab.drac.sshd().known_hosts(), "plug=node5"});
  INFO(run.describe());
  CHECK(run.status == 1);
  CHECK(run.err.find("login refused") != std::string::npos);
  CHECK(run.err.find("Wrong-one-7") == std::string::npos);
}

TEST_CASE(
    "fence_hakit_drac5 fails in time and never claims success when the DRAC cannot be "
    "trusted or reached",
    "[fence][drac5][faults]") {
  if (geteuid() != 0) {
    WARN("skipped: the simulated DRAC runs sshd, which needs root");
    return;
  }
  DracLab lab;

  SECTION("a host key other than the known one is refused before logging in") {
    const lab::SshKey impostor = lab::generate_ssh_key(lab.dir / "impostor", "impostor");
    const std::string known_hosts = lab.dir / "known_hosts.other";
    std::ofstream(known_hosts) << lab::known_hosts_entry(
        lab.drac.sshd().address(), lab.drac.sshd().port(), impostor.public_key);
    const size_t calls = lab.drac.calls().size();
    const FenceRun run = lab.agent("off", {"known_hosts=" + known_hosts});
    require_failure_in_time(run, 5s);
    CHECK(run.status == 3);  // EC_LOGIN_DENIED: refused, not merely unreachable
    CHECK(run.err.find("differs from the one recorded") != std::string::npos);
    CHECK(lab.drac.calls().size() == calls);
    CHECK(lab.drac.power() == "ON");
  }

  SECTION("an unknown host key is refused unless ssh_insecure says otherwise") {
    const std::string empty = lab.dir / "known_hosts.empty";
    std::ofstream{empty};
    const FenceRun run = lab.agent("status", {"known_hosts=" + empty});
    require_failure_in_time(run, 5s);
    CHECK(run.err.find("is not in " + empty) != std::string::npos);
    CHECK(lab.agent("status", {"known_hosts=" + empty, "ssh_insecure=1"}).status == 0);
    CHECK(lab.agent("status", {"known_hosts=" + empty, "ssh_options=-o StrictHostKeyChecking=no"})
              .status == 0);
  }

  SECTION("a key the DRAC does not accept") {
    const lab::SshKey stranger = lab::generate_ssh_key(lab.dir / "id_stranger", "stranger");
    const FenceRun run = lab.agent("off", {"identity_file=" + stranger.path});
    require_failure_in_time(run, 5s);
    CHECK(run.status == 3);
    CHECK(run.err.find("login refused") != std::string::npos);
    CHECK(lab.drac.power() == "ON");
  }

  SECTION("the DRAC's sshd is not running") {
    lab.drac.sshd().stop();
    FenceRun run = lab.agent("off");
    require_failure_in_time(run, 5s);
    CHECK(run.err.find("connecting") != std::string::npos);
    run = lab.agent("status");
    require_failure_in_time(run, 5s);
    CHECK(run.status == 1);
    CHECK(lab.agent("monitor").status != 0);
  }

  SECTION("a DRAC slower than the timeouts") {
    lab.drac.set_delay(10);
    FenceRun run = lab.agent("status", {"shell_timeout=1"});
    require_failure_in_time(run, 4s);
    CHECK(run.status == 1);
    CHECK(run.err.find("did not finish in time") != std::string::npos);
    run = lab.agent("off", {"shell_timeout=1", "power_timeout=2"});
    require_failure_in_time(run, 6s);
    CHECK(lab.drac.power() == "ON");
  }

  SECTION("a node this DRAC does not power") {
    const FenceRun run = lab.agent("off", {"plug=node9"});
    require_failure_in_time(run, 5s);
    CHECK(run.err.find("not node9") != std::string::npos);
    CHECK_FALSE(calls_contain(lab.drac.calls(), "serveraction powerdown"));
    CHECK(lab.drac.power() == "ON");
  }

  SECTION("a DRAC that accepts the request but never switches") {
    lab.drac.set_stuck(true);
    const FenceRun run = lab.agent("off", {"power_timeout=2"});
    require_failure_in_time(run, 6s);
    CHECK(run.status == 7);  // EC_WAITING_OFF
    CHECK(run.err.find("still reported ON") != std::string::npos);
    CHECK(calls_contain(lab.drac.calls(), "serveraction powerdown"));
    CHECK(lab.drac.power() == "ON");
  }
}

TEST_CASE("external/hakit-drac5 through cluster-glue's stonith command", "[fence][drac5][glue]") {
  if (geteuid() != 0) {
    WARN("skipped: installing a plugin and running sshd need root");
    return;
  }
  DracLab lab;
  const lab::InstalledFile plugin(kDrac5Plugin, "/usr/lib/stonith/plugins/external/hakit-drac5");
  const std::vector<std::string> params = {"hostname=node5",
                                           "ipaddr=" + lab.drac.sshd().address(),
                                           "userid=root",
                                           cat("port=", lab.drac.sshd().port()),
                                           "identity_file=" + lab.key.path,
                                           "known_hosts=" + lab.drac.sshd().known_hosts()};
  const auto stonith = fence_test::stonith_cli_for("external/hakit-drac5", params);

  FenceRun run = stonith({"-S"});
  INFO(run.describe());
  CHECK(run.status == 0);
  run = stonith({"-l"});
  CHECK(run.out.find("node5") != std::string::npos);

  run = stonith({"-T", "off", "node5"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(lab.drac.power() == "OFF");
  run = stonith({"-T", "on", "node5"});
  CHECK(run.status == 0);
  CHECK(lab.drac.power() == "ON");
  run = stonith({"-T", "reset", "node5"});
  CHECK(run.status == 0);
  CHECK(calls_contain(lab.drac.calls(), "serveraction powerdown"));
  CHECK(lab.drac.power() == "ON");

  run = stonith({"-T", "off", "node9"});
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK(lab.drac.power() == "ON");
}
