// Secret hygiene of every agent that takes one: each runs its actions against its lab peer
// with secrets (passwords, communities; password_script too, so that the secret is on no
// configuration at all), at the default log level and at debug level, while a watcher
// samples the command line and the environment of every process on the machine. A secret
// may appear only where it was given: on the agent's stdin, or in the environment of the
// external plugin, which cluster-glue passes its parameters in. It must never show on any
// command line, in any other process's environment, on stdout/stderr or in a log file.
//
// Adding an agent (the iSCSI agents' CHAP secrets, ...) is one entry in secret_cases().
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "apc_pdu_simulator.h"
#include "drac_simulator.h"
#include "fence_run.h"
#include "ipmi_simulator.h"
#include "ssh_node_fence_lab.h"
#include "temp_dir.h"

using namespace hakit;
using namespace std::chrono_literals;

namespace {

/// Samples /proc/*/cmdline and /proc/*/environ of every process, from a thread, until it
/// is destroyed; records each process that showed a secret where it must not.
class SecretWatch {
 public:
  /// `allowed_environ`: argv[0] of the processes whose environment may hold the secrets
  /// (the external plugin, given its parameters there).
  SecretWatch(std::vector<std::string> secrets, std::set<std::string> allowed_environ)
      : secrets_(std::move(secrets)),
        allowed_environ_(std::move(allowed_environ)),
        thread_([this] { watch(); }) {}
  ~SecretWatch() {
    stop_ = true;
    thread_.join();
  }
  SecretWatch(const SecretWatch&) = delete;
  SecretWatch& operator=(const SecretWatch&) = delete;

  std::vector<std::string> sightings() {
    std::lock_guard lock(mutex_);
    return {sightings_.begin(), sightings_.end()};
  }
  size_t samples() const { return samples_; }

 private:
  void watch() {
    while (!stop_) {
      for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
        std::string cmdline, environ;
        if (!read_file(entry.path() / "cmdline", cmdline)) continue;
        const std::string program = cmdline.substr(0, cmdline.find('\0'));
        check(pid, "cmdline", program, cmdline);
        if (allowed_environ_.count(program) == 0 && read_file(entry.path() / "environ", environ)) {
          check(pid, "environ", program, environ);
        }
      }
      ++samples_;
      std::this_thread::sleep_for(2ms);
    }
  }
  void check(const std::string& pid, const char* where, const std::string& program,
             const std::string& text) {
    for (const std::string& secret : secrets_) {
      if (text.find(secret) != std::string::npos) {
        std::lock_guard lock(mutex_);
        sightings_.insert(cat(where, " of ", pid, " (", program, ")"));
      }
    }
  }

  std::vector<std::string> secrets_;
  std::set<std::string> allowed_environ_;
  std::atomic<bool> stop_ = false;
  std::atomic<size_t> samples_ = 0;
  std::mutex mutex_;
  std::set<std::string> sightings_;
  std::thread thread_;
};

/// One agent with its peer running: what to run at each log level.
struct SecretScene {
  std::shared_ptr<void> peer;  ///< keeps the simulator (and its files) alive
  std::function<std::vector<exec::Command>(bool debug)> commands;
};

struct SecretCase {
  std::string name;
  std::vector<std::string> secrets;
  std::set<std::string> allowed_environ;
  std::function<SecretScene(const lab::TempDir& work)> start;
};

/// A password_script that prints `secret`: the configuration then holds only its path.
std::string password_script(const lab::TempDir& work, const std::string& name,
                            const std::string& secret) {
  const std::string path = work / name;
  std::ofstream(path) << "#!/bin/sh\necho '" << secret << "'\n";
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

/// The fencer's runs of `agent` for `actions`, each with `options` on stdin; at debug level
/// with verbose=1. Logs go to files in `work` as well (HA_logfile, HA_debugfile).
std::vector<exec::Command> fence_agent_runs(const std::string& agent,
                                            const std::vector<std::string>& options,
                                            const std::vector<std::string>& actions,
                                            const lab::TempDir& work, bool debug) {
  std::vector<exec::Command> runs;
  for (const std::string& action : actions) {
    std::string input = join(options, "\n") + "\naction=" + action + "\n";
    if (debug) input += "verbose=1\n";
    runs.push_back(
        {.argv = {agent},
         .env = {{"HA_logfile", work / "agent.log"}, {"HA_debugfile", work / "debug.log"}},
         .input = input});
  }
  return runs;
}

/// cluster-glue's runs of `plugin` (its parameters in the environment) for each op.
std::vector<exec::Command> plugin_runs(const std::string& plugin,
                                       std::map<std::string, std::string> env,
                                       const std::vector<std::vector<std::string>>& ops,
                                       const lab::TempDir& work, bool debug) {
  env["HA_logfile"] = work / "plugin.log";
  env["HA_debugfile"] = work / "plugin-debug.log";
  if (debug) env["HA_debug"] = "1";
  std::vector<exec::Command> runs;
  for (std::vector<std::string> op : ops) {
    op.insert(op.begin(), plugin);
    runs.push_back({.argv = op, .env = env});
  }
  return runs;
}

const std::string kIpmiPassword = "Ipmi-Sec-9x4Kq";
const std::string kIpmiAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_ipmi";
const std::string kIpmiPlugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-ipmi";
const std::string kCommunity = "Comm-Sec-7Hq2w";
const std::string kAuthPassword = "Auth-Sec-3Lp8z";
const std::string kPrivPassword = "Priv-Sec-5Mn1v";
const std::string kRackPduAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_rackpdu";
const std::string kRackPduPlugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-rackpdu";
const std::string kDracPassword = "Drac-Sec-2Wz6r";
const std::string kDracAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_drac5";
const std::string kDracPlugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-drac5";
const std::string kSshPassword = "Ssh-Sec-8Rt4y";

const std::vector<std::string> kFenceActions = {"monitor", "status", "off", "on"};

std::vector<SecretCase> secret_cases() {
  std::vector<SecretCase> cases;
  cases.push_back(
      {.name = "ipmi",
       .secrets = {kIpmiPassword},
       .allowed_environ = {kIpmiPlugin},
       .start = [](const lab::TempDir& work) {
         auto bmc = std::make_shared<lab::IpmiSimulator>(
             work.path(),
             lab::IpmiSimulator::Config{.username = "admin", .password = kIpmiPassword});
         const std::vector<std::string> base = {"ip=127.0.0.1",   cat("ipport=", bmc->port()),
                                                "username=admin", "lanplus=1",
                                                "hostname=node2", "plug=node2"};
         std::vector<std::string> with_password = base, with_script = base;
         with_password.push_back("password=" + kIpmiPassword);
         with_script.push_back("password_script=" +
                               password_script(work, "ipmi-pw", kIpmiPassword));
         const std::map<std::string, std::string> env = {
             {"hostname", "node2"},     {"ipaddr", "127.0.0.1"},  {"userid", "admin"},
             {"passwd", kIpmiPassword}, {"interface", "lanplus"}, {"ipport", cat(bmc->port())}};
         return SecretScene{
             bmc, [&work, with_password, with_script, env](bool debug) {
               auto runs = fence_agent_runs(kIpmiAgent, with_password, kFenceActions, work, debug);
               auto scripted =
                   fence_agent_runs(kIpmiAgent, with_script, kFenceActions, work, debug);
               auto plugin = plugin_runs(
                   kIpmiPlugin, env, {{"status"}, {"off", "node2"}, {"on", "node2"}}, work, debug);
               runs.insert(runs.end(), scripted.begin(), scripted.end());
               runs.insert(runs.end(), plugin.begin(), plugin.end());
               return runs;
             }};
       }});
  cases.push_back(
      {.name = "rackpdu",
       .secrets = {kCommunity, kAuthPassword, kPrivPassword},
       .allowed_environ = {kRackPduPlugin},
       .start = [](const lab::TempDir& work) {
         auto pdu = std::make_shared<lab::ApcPduSimulator>(
             work.path(), lab::ApcPduSimulator::Config{.outlets = {"node1", "node2"},
                                                       .write_community = kCommunity,
                                                       .v3_auth_password = kAuthPassword,
                                                       .v3_priv_password = kPrivPassword});
         const std::vector<std::string> v2c = {"ip=127.0.0.1", cat("ipport=", pdu->port()),
                                               "community=" + kCommunity, "plug=node2"};
         const std::vector<std::string> v3 = {
             "ip=127.0.0.1",
             cat("ipport=", pdu->port()),
             "snmp_version=3",
             "username=pduadmin",
             "snmp_auth_prot=SHA",
             "snmp_priv_prot=AES",
             "password_script=" + password_script(work, "auth-pw", kAuthPassword),
             "snmp_priv_passwd_script=" + password_script(work, "priv-pw", kPrivPassword),
             "plug=node2"};
         const std::map<std::string, std::string> env = {
             {"hostlist", "AUTO"}, {"pduip", pdu->host_and_port()}, {"community", kCommunity}};
         return SecretScene{
             pdu, [&work, v2c, v3, env](bool debug) {
               auto runs = fence_agent_runs(kRackPduAgent, v2c, kFenceActions, work, debug);
               auto secure = fence_agent_runs(kRackPduAgent, v3, kFenceActions, work, debug);
               auto plugin = plugin_runs(
                   kRackPduPlugin, env,
                   {{"status"}, {"gethosts"}, {"off", "node2"}, {"on", "node2"}}, work, debug);
               runs.insert(runs.end(), secure.begin(), secure.end());
               runs.insert(runs.end(), plugin.begin(), plugin.end());
               return runs;
             }};
       }});
  cases.push_back(
      {.name = "drac5",
       .secrets = {kDracPassword},
       .allowed_environ = {kDracPlugin},
       .start = [](const lab::TempDir& work) {
         auto drac = std::make_shared<lab::DracSimulator>(work.path(), std::vector<std::string>{},
                                                          kDracPassword);
         const std::vector<std::string> base = {
             "ip=" + drac->sshd().address(), cat("ipport=", drac->sshd().port()), "username=root",
             "known_hosts=" + drac->sshd().known_hosts(), "plug=node5"};
         std::vector<std::string> with_password = base, with_script = base;
         with_password.push_back("password=" + kDracPassword);
         with_script.push_back("password_script=" +
                               password_script(work, "drac-pw", kDracPassword));
         const std::map<std::string, std::string> env = {
             {"ipaddr", drac->sshd().address()},
             {"port", cat(drac->sshd().port())},
             {"userid", "root"},
             {"passwd", kDracPassword},
             {"known_hosts", drac->sshd().known_hosts()},
             {"hostname", "node5"}};
         return SecretScene{
             drac, [&work, with_password, with_script, env](bool debug) {
               auto runs = fence_agent_runs(kDracAgent, with_password, kFenceActions, work, debug);
               auto scripted =
                   fence_agent_runs(kDracAgent, with_script, kFenceActions, work, debug);
               auto plugin = plugin_runs(
                   kDracPlugin, env, {{"status"}, {"off", "node5"}, {"on", "node5"}}, work, debug);
               runs.insert(runs.end(), scripted.begin(), scripted.end());
               runs.insert(runs.end(), plugin.begin(), plugin.end());
               return runs;
             }};
       }});
  // The ssh device logs in with identity_file (no secret in the configuration); a password,
  // given as well, is the key's passphrase and must stay as hidden.
  cases.push_back({.name = "ssh",
                   .secrets = {kSshPassword},
                   .allowed_environ = {},
                   .start = [](const lab::TempDir& work) {
                     auto node = std::make_shared<fence_test::NodeLab>(false);
                     std::vector<std::string> options = node->options("status");
                     options.erase(options.begin());  // the action comes from fence_agent_runs
                     options.push_back("password=" + kSshPassword);
                     return SecretScene{node, [&work, options](bool debug) {
                                          return fence_agent_runs(fence_test::kSshAgent, options,
                                                                  {"monitor", "status", "list"},
                                                                  work, debug);
                                        }};
                   }});
  return cases;
}

/// Every log file the runs wrote in `work`.
std::string log_files(const lab::TempDir& work) {
  std::string logs;
  for (const auto& entry : std::filesystem::directory_iterator(work.path())) {
    if (entry.path().extension() != ".log") continue;
    std::ifstream file(entry.path());
    logs.append(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  return logs;
}

}  // namespace

TEST_CASE("fence agents and plugins never show a secret in a process, output or log",
          "[secrets][fence]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab's peers need root");
    return;
  }
  for (const SecretCase& secret_case : secret_cases()) {
    for (const bool debug : {false, true}) {
      SECTION(cat(secret_case.name, debug ? " at debug level" : " at the default level")) {
        lab::TempDir work("secrets");
        const SecretScene scene = secret_case.start(work);
        std::vector<std::string> outputs;
        size_t succeeded = 0;
        SecretWatch watch(secret_case.secrets, secret_case.allowed_environ);
        for (const exec::Command& command : scene.commands(debug)) {
          const exec::Result result = exec::run(command, exec::Deadline::in(60s));
          if (result.exit_status == 0 || result.exit_status == 2) ++succeeded;
          UNSCOPED_INFO(command.argv.front()
                        << " (" << command.input.substr(0, 20) << "...): " << result.describe()
                        << ": " << result.first_error_line());
          outputs.push_back(result.out + result.err);
        }
        const std::string logs = log_files(work);
        INFO(watch.samples() << " samples of every process");
        const std::vector<std::string> sightings = watch.sightings();
        for (const std::string& sighting : sightings) UNSCOPED_INFO(sighting);
        CHECK(sightings.empty());
        CHECK(succeeded > 0);  // the secrets were used against a peer that accepted them
        for (const std::string& secret : secret_case.secrets) {
          for (const std::string& output : outputs) CHECK(output.find(secret) == std::string::npos);
          CHECK(logs.find(secret) == std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("the secret watch sees a secret on a command line and in an environment", "[secrets]") {
  const std::string secret = "Watch-Self-Check-4Fj";
  SecretWatch watch({secret}, {});
  const auto shown = [&](const exec::Command& command) {
    exec::run(command, exec::Deadline::in(5s));
    return watch.sightings().size();
  };
  CHECK(shown({.argv = {"sh", "-c", "sleep 0.3", secret}}) == 1);
  CHECK(shown({.argv = {"sleep", "0.3"}, .env = {{"PASSWORD", secret}}}) == 2);
}
