#include "apc_pdu_simulator.h"

#include <signal.h>
#include <sys/socket.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "free_port.h"
#include "netns.h"
#include "run_checked.h"
#include "util/strings.h"

namespace hakit::lab {

namespace {

using namespace std::chrono_literals;

constexpr std::string_view kRecordPrefix = "snmpd-";

void write_atomically(const std::string& path, const std::string& contents) {
  const std::string temporary = path + ".tmp";
  std::ofstream out(temporary, std::ios::trunc);
  out << contents;
  if (!out.flush()) throw std::runtime_error("cannot write " + temporary);
  out.close();
  std::filesystem::rename(temporary, path);
}

std::string json_string(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string json_list(const std::vector<std::string>& texts) {
  std::vector<std::string> quoted;
  for (const std::string& text : texts) quoted.push_back(json_string(text));
  return cat("[", join(quoted, ", "), "]");
}

std::string initial_state(const ApcPduSimulator::Config& config) {
  std::vector<std::string> entries;
  for (const std::string& name : config.outlets) {
    entries.push_back(cat("{\"name\": ", json_string(name), ", \"state\": \"on\"}"));
  }
  return cat("{\"outlets\": [", join(entries, ", "),
             "], \"switches\": [], \"delay\": 0, \"stuck\": [], \"hook\": ",
             json_list(config.power_hook), "}\n");
}

std::string snmpd_config(const ApcPduSimulator::Config& config, const std::string& dir,
                         const std::string& address, int port, const std::string& state) {
  // In a namespace of its own only the lab can reach it at all.
  const std::string clients = config.netns.empty() ? "127.0.0.0/8" : "default";
  std::string text =
      cat("[snmp] persistentDir ", dir, "/persist\n", "agentaddress udp:", address, ":", port, "\n",
          "dontLogTCPWrappersConnects yes\n", "rocommunity ", config.read_community, " ", clients,
          "\n", "rwcommunity ", config.write_community, " ", clients, "\n");
  if (!config.v3_auth_password.empty() && !config.v3_priv_password.empty()) {
    text += cat("createUser ", config.v3_user, " SHA \"", config.v3_auth_password, "\" AES \"",
                config.v3_priv_password, "\"\nrwuser ", config.v3_user, " priv\n");
  }
  return text + cat("sysObjectID ", config.sys_object_id, "\n",
                    "sysDescr APC Web/SNMP Management Card (hakit lab simulation)\n",
                    "sysName labpdu\n", "pass_persist .1.3.6.1.4.1.318 /usr/bin/python3 ",
                    HAKIT_LAB_SIM_DIR, "/apcpdu.py ", state, "\n");
}

std::string log_tail(const std::string& path) {
  std::string text;
  read_file(path, text);
  return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
}

}  // namespace

ApcPduSimulator::ApcPduSimulator(const std::string& dir, Config config)
    : dir_(dir), state_(dir + "/pdu.json"), address_(config.address), port_(config.port) {
  if (port_ == 0)
    in_network_namespace(config.netns, [this] { port_ = free_port(address_, SOCK_DGRAM); });
  std::filesystem::create_directories(dir_ + "/persist");
  write_atomically(state_, initial_state(config));
  const std::string config_path = dir_ + "/snmpd.conf";
  write_atomically(config_path, snmpd_config(config, dir_, address_, port_, state_));
  const std::string log = dir_ + "/snmpd.log";
  // -m "" -M "": no MIB modules to look for (Debian ships none), so no noise in the log.
  std::vector<std::string> argv = {
      "/usr/sbin/snmpd", "-f", "-Lo", "-C", "-I", "-smux", "-m", "", "-M", "", "-c", config_path};
  if (!config.netns.empty()) argv.insert(argv.begin(), {"/bin/ip", "netns", "exec", config.netns});
  snmpd_.emplace(argv, log);
  record_.emplace(cat(kRecordPrefix, snmpd_->pid()), std::to_string(snmpd_->pid()));
  const auto listening = [&] {
    bool bound = false;
    in_network_namespace(config.netns, [&] { bound = port_in_use(address_, port_, SOCK_DGRAM); });
    return bound;
  };
  if (!wait_until([&] { return listening() || !snmpd_->running(); }, 10s) || !snmpd_->running()) {
    stop();
    throw std::runtime_error("snmpd did not start:\n" + log_tail(log));
  }
}

std::string ApcPduSimulator::host_and_port() const { return cat(address_, ":", port_); }

std::vector<ApcPduSimulator::Outlet> ApcPduSimulator::outlets() const { return outlets(state_); }

std::vector<ApcPduSimulator::Outlet> ApcPduSimulator::outlets(const std::string& state_file) {
  std::vector<Outlet> outlets;
  for (const std::string& line : split(
           run_checked({"jq", "-r", ".outlets[] | \"\\(.state) \\(.name)\"", state_file}), "\n")) {
    const size_t space = line.find(' ');
    outlets.push_back({line.substr(space + 1), line.substr(0, space) == "on"});
  }
  return outlets;
}

std::vector<ApcPduSimulator::Switch> ApcPduSimulator::switches() const {
  std::vector<Switch> switches;
  for (const std::string& line :
       split(run_checked({"jq", "-r", ".switches[] | \"\\(.[0]) \\(.[1]) \\(.[2])\"", state_}),
             "\n")) {
    const std::vector<std::string> fields = split(line);
    if (fields.size() != 3)
      throw std::runtime_error("bad switch record in " + state_ + ": " + line);
    switches.push_back({std::stoi(fields[0]), fields[1], fields[2]});
  }
  return switches;
}

void ApcPduSimulator::edit(const std::string& filter) {
  write_atomically(state_, run_checked({"jq", filter, state_}));
}

void ApcPduSimulator::set_delay(double seconds) { edit(cat(".delay = ", seconds)); }

void ApcPduSimulator::set_stuck(const std::vector<std::string>& names) {
  edit(cat(".stuck = ", json_list(names)));
}

ApcPduSimulator::~ApcPduSimulator() { stop(); }

void ApcPduSimulator::stop() {
  if (!snmpd_) return;
  // snmpd leads its process group, which holds the handler too (it may be sleeping in a
  // delay); until snmpd is reaped that group ID can be no one else's.
  if (snmpd_->running()) kill(-snmpd_->pid(), SIGKILL);
  snmpd_.reset();
  record_.reset();
}

bool ApcPduSimulator::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

void ApcPduSimulator::adopt_record(const std::string& record_name) {
  Record record = Record::adopt(record_name);
  Daemon::adopt(std::stoi(record.value()), "snmpd").stop(3s);
}

}  // namespace hakit::lab
