// Secret hygiene of every agent that takes one: each runs its actions against its lab peer
// with secrets (passwords, communities; password_script too, so that the secret is on no
// configuration at all), at the default log level and at debug level, while a watcher
// samples the command line and the environment of every process on the machine. A secret
// may appear only where it was given: on the agent's stdin, or in the environment of the
// external plugin, which cluster-glue passes its parameters in. It must never show on any
// command line, in any other process's environment, on stdout/stderr or in a log file.
//
// One exception is documented, not hidden: tgtadm takes the CHAP password nowhere but on
// its command line (tgt's interface; iSCSITarget's meta-data says so), so it may show in
// tgtadm's own /proc/PID/cmdline for the milliseconds tgtadm runs (allowed_cmdline); never
// in an environment, another command line, an output or a log. LIO (targetcli) gets it on
// standard input only: "iSCSITarget lio-t gives targetcli the CHAP password on standard
// input only".
//
// Adding an agent is one entry in secret_cases().
#include <unistd.h>

#include <algorithm>
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
#include "fault_harness.h"
#include "fence_run.h"
#include "ipmi_simulator.h"
#include "iscsi/target_agent.h"
#include "metadata/iSCSITarget.h"
#include "ssh_node_fence_lab.h"
#include "temp_dir.h"
#include "tgtd.h"

using namespace hakit;
using namespace std::chrono_literals;

namespace {

/// Samples /proc/*/cmdline and /proc/*/environ of every process, from a thread, until it
/// is destroyed; records each process that showed a secret where it must not.
class SecretWatch {
 public:
  /// `allowed_environ`: argv[0] of the processes whose environment may hold the secrets
  /// (the external plugin, given its parameters there; an OCF agent, given them by the
  /// executor). `allowed_cmdline`: argv[0] of the programs whose interface takes the secret
  /// on the command line (tgtadm): counted in exposures(), not in sightings().
  SecretWatch(std::vector<std::string> secrets, std::set<std::string> allowed_environ,
              std::set<std::string> allowed_cmdline = {})
      : secrets_(std::move(secrets)),
        allowed_environ_(std::move(allowed_environ)),
        allowed_cmdline_(std::move(allowed_cmdline)),
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
  size_t exposures() const { return exposures_; }

 private:
  void watch() {
    while (!stop_) {
      for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
        std::string cmdline, environ;
        if (!read_file(entry.path() / "cmdline", cmdline)) continue;
        const std::string program = cmdline.substr(0, cmdline.find('\0'));
        // Mid-execve (or exiting) a process shows an empty command line while its new
        // environment is already readable: whose it is shows in the next sample.
        if (program.empty()) continue;
        if (allowed_cmdline_.count(program) == 0) {
          check(pid, "cmdline", program, cmdline);
        } else if (shows_secret(cmdline)) {
          ++exposures_;
        }
        if (allowed_environ_.count(program) == 0 && read_file(entry.path() / "environ", environ)) {
          check(pid, "environ", program, environ);
        }
      }
      ++samples_;
      std::this_thread::sleep_for(2ms);
    }
  }
  bool shows_secret(const std::string& text) const {
    return std::any_of(secrets_.begin(), secrets_.end(), [&text](const std::string& secret) {
      return text.find(secret) != std::string::npos;
    });
  }
  void check(const std::string& pid, const char* where, const std::string& program,
             const std::string& text) {
    if (shows_secret(text)) {
      std::lock_guard lock(mutex_);
      sightings_.insert(cat(where, " of ", pid, " (", program, ")"));
    }
  }

  std::vector<std::string> secrets_;
  std::set<std::string> allowed_environ_;
  std::set<std::string> allowed_cmdline_;
  std::atomic<bool> stop_ = false;
  std::atomic<size_t> samples_ = 0;
  std::atomic<size_t> exposures_ = 0;
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
  std::set<std::string> allowed_cmdline{};
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
const std::string kChapPassword = "Chap-Sec-6Tg3k";
const std::string kTargetAgent = HAKIT_BUILD_AGENT_DIR "/iSCSITarget";

/// The executor's runs of the OCF agent `agent` for `actions` (its parameters in the
/// environment, as Pacemaker passes them); at debug level with HA_debug=1.
std::vector<exec::Command> ocf_agent_runs(const std::string& agent,
                                          const std::map<std::string, std::string>& params,
                                          const std::vector<std::string>& actions,
                                          const lab::TempDir& work, bool debug) {
  std::map<std::string, std::string> env = {{"OCF_ROOT", "/usr/lib/ocf"},
                                            {"OCF_RESOURCE_INSTANCE", "secret_target"},
                                            {"HA_RSCTMP", work.path()},
                                            {"HA_logfile", work / "agent.log"},
                                            {"HA_debugfile", work / "debug.log"}};
  for (const auto& [name, value] : params) env["OCF_RESKEY_" + name] = value;
  if (debug) env["HA_debug"] = "1";
  std::vector<exec::Command> runs;
  for (const std::string& action : actions) runs.push_back({.argv = {agent, action}, .env = env});
  return runs;
}

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
  // tgt: the password reaches tgtd on tgtadm's command line only (allowed_cmdline).
  cases.push_back({.name = "iSCSITarget tgt with CHAP",
                   .secrets = {kChapPassword},
                   .allowed_environ = {kTargetAgent},
                   .start =
                       [](const lab::TempDir& work) {
                         auto tgtd = std::make_shared<lab::Tgtd>(work.path());
                         const std::map<std::string, std::string> params = {
                             {"implementation", "tgt"},
                             {"iqn", "iqn.2024-01.lab.example:secret"},
                             {"tgt_control_port", cat(tgtd->control_port())},
                             {"incoming_username", "hakituser"},
                             {"incoming_password", kChapPassword}};
                         return SecretScene{tgtd, [&work, params](bool debug) {
                                              return ocf_agent_runs(kTargetAgent, params,
                                                                    {"start", "monitor", "stop"},
                                                                    work, debug);
                                            }};
                       },
                   .allowed_cmdline = {"tgtadm", "/usr/sbin/tgtadm"}});
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

TEST_CASE("agents and plugins with secrets never show one in a process or output or log",
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
        SecretWatch watch(secret_case.secrets, secret_case.allowed_environ,
                          secret_case.allowed_cmdline);
        for (const exec::Command& command : scene.commands(debug)) {
          const exec::Result result = exec::run(command, exec::Deadline::in(60s));
          if (result.exit_status == 0 || result.exit_status == 2) ++succeeded;
          UNSCOPED_INFO(command.argv.front()
                        << " (" << command.input.substr(0, 20) << "...): " << result.describe()
                        << ": " << result.first_error_line());
          outputs.push_back(result.out + result.err);
        }
        const std::string logs = log_files(work);
        INFO(watch.samples() << " samples of every process, " << watch.exposures()
                             << " sightings on an allowed command line (tgtadm)");
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

/// targetcli's stand-in (no LIO on this host, see lib/iscsi/targetcli_test.cc): a real
/// child that prints, on stdout and stderr, the echo targetcli-fb 2.1.53 printed for the
/// session's `set auth` ("Parameter password is now '...'."); the agent then fails (nothing
/// appears in configfs) and reports what targetcli printed.
class EchoingTargetcli final : public exec::Runner {
 public:
  exec::Result run(const exec::Command& cmd, const exec::Deadline& deadline) override {
    calls.push_back(cmd);
    std::string echo;
    for (const std::string& line : split(cmd.input, "\n")) {
      const size_t password = line.find(" password=");
      if (line.find(" set auth ") != std::string::npos && password != std::string::npos) {
        echo += cat("Parameter password is now '", line.substr(password + 10), "'.\n");
      }
    }
    return exec::system_runner().run({.argv = {"tee", "/dev/stderr"}, .input = echo}, deadline);
  }
  std::vector<exec::Command> calls;
};

TEST_CASE("iSCSITarget lio-t gives targetcli the CHAP password on standard input only",
          "[secrets][iscsi]") {
  using namespace hakit::faults_test;
  for (const bool debug : {false, true}) {
    SECTION(debug ? "at debug level" : "at the default level") {
      lab::TempDir work("secrets-lio");
      ::setenv("HA_logfile", (work / "agent.log").c_str(), 1);
      ::setenv("HA_debugfile", (work / "debug.log").c_str(), 1);
      if (debug) ::setenv("HA_debug", "1", 1);
      const ActionCase start = ocf_case("iSCSITarget lio-t start", metadata::iSCSITarget,
                                        make_agent<iscsi::TargetAgent>(), "start",
                                        {{"implementation", "lio-t"},
                                         {"iqn", "iqn.2024-01.lab.example:secret"},
                                         {"portals", "127.0.0.1:3260"},
                                         {"incoming_username", "hakituser"},
                                         {"incoming_password", kChapPassword}},
                                        {1}, Millis(30000), work.path());
      EchoingTargetcli targetcli;
      Outcome outcome;
      size_t samples = 0;
      std::vector<std::string> sightings;
      {
        // This test process holds the password in its environment (OCF_RESKEY_*, as an
        // agent does): its own environ is allowed.
        SecretWatch watch({kChapPassword}, {program_invocation_name});
        const exec::ScopedRunner seam(targetcli);
        outcome = captured("", start.run);
        samples = watch.samples();
        sightings = watch.sightings();
      }
      for (const char* name : {"HA_logfile", "HA_debugfile", "HA_debug"}) ::unsetenv(name);
      INFO(samples << " samples; output:\n" << outcome.output);
      for (const std::string& sighting : sightings) UNSCOPED_INFO(sighting);
      CHECK(sightings.empty());
      CHECK(outcome.code == 1);  // no LIO: the target is not there afterwards
      REQUIRE(targetcli.calls.size() == 1);
      const exec::Command& call = targetcli.calls.front();
      CHECK(call.argv == std::vector<std::string>{"targetcli"});
      for (const auto& [name, value] : call.env)
        CHECK(value.find(kChapPassword) == std::string::npos);
      CHECK(call.input.find("password=" + kChapPassword) != std::string::npos);  // it was given
      CHECK(outcome.output.find("password is now '***'") != std::string::npos);
      CHECK(outcome.output.find(kChapPassword) == std::string::npos);
      CHECK(log_files(work).find(kChapPassword) == std::string::npos);
    }
  }
}

TEST_CASE("the secret watch sees a secret on a command line and in an environment", "[secrets]") {
  const std::string secret = "Watch-Self-Check-4Fj";
  SecretWatch watch({secret}, {});
  // Counts sightings of one kind; a shell's forked child shows the same command line under its own
  // PID before it execs, so the number of sightings per run varies and only their kind is checked.
  const auto sightings_in = [&](const exec::Command& command, std::string_view where) {
    exec::run(command, exec::Deadline::in(5s));
    return std::ranges::count_if(watch.sightings(),
                                 [&](const std::string& s) { return s.starts_with(where); });
  };
  CHECK(sightings_in({.argv = {"sh", "-c", "sleep 0.3", secret}}, "cmdline of ") >= 1);
  CHECK(sightings_in({.argv = {"sleep", "0.3"}, .env = {{"PASSWORD", secret}}}, "environ of ") >=
        1);
}
