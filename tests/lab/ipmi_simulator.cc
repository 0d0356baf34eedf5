#include "ipmi_simulator.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "free_port.h"
#include "netns.h"
#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::lab {

namespace {

using namespace std::chrono_literals;

constexpr std::string_view kRecordPrefix = "ipmi-sim-";

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

/// ipmi_sim's LAN configuration: one BMC (MC 0x20) on `port`, the hook for its chassis, and
/// the users: 1 is the anonymous one every BMC has, 2 the test's administrator.
std::string lan_conf(const std::string& address, int port, const std::string& hook_dir,
                     const IpmiSimulator::Config& config) {
  const std::string auths = "none md2 md5 straight";
  return cat("name \"hakitbmc\"\n", "set_working_mc 0x20\n", "  startlan 1\n", "    addr ", address,
             " ", port, "\n", "    priv_limit admin\n", "    allowed_auths_callback ", auths, "\n",
             "    allowed_auths_user ", auths, "\n", "    allowed_auths_operator ", auths, "\n",
             "    allowed_auths_admin ", auths, "\n", "    guid a123456789abcdefa123456789abcdef\n",
             "  endlan\n", "  chassis_control \"", HAKIT_LAB_SIM_DIR, "/chassis_control ", hook_dir,
             "\"\n", "  user 1 true \"\" \"test\" user 10 ", auths, "\n", "  user 2 true \"",
             config.username, "\" \"", config.password, "\" admin 10 ", auths, "\n");
}

/// The emulated hardware: a BMC with no sensors.
constexpr std::string_view kEmulation =
    "mc_setbmc 0x20\n"
    "mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr\n"
    "sel_enable 0x20 1000 0x0a\n"
    "mc_enable 0x20\n";

/// Whether something answers an RMCP presence ping (ASF, DMTF DSP0136) on `port`: the
/// first thing a BMC does, before any session.
bool answers_rmcp_ping(const std::string& address, int port) {
  const UniqueFd fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  sockaddr_in bmc{};
  bmc.sin_family = AF_INET;
  bmc.sin_port = htons(uint16_t(port));
  inet_pton(AF_INET, address.c_str(), &bmc.sin_addr);
  // RMCP header (version 6, no ACK, class ASF), ASF IANA number 4542, Presence Ping.
  constexpr std::array<unsigned char, 12> kPing{0x06, 0x00, 0xff, 0x06, 0x00, 0x00,
                                                0x11, 0xbe, 0x80, 0x01, 0x00, 0x00};
  if (sendto(fd.get(), kPing.data(), kPing.size(), 0, reinterpret_cast<const sockaddr*>(&bmc),
             sizeof bmc) != ssize_t(kPing.size())) {
    return false;
  }
  pollfd answer{.fd = fd.get(), .events = POLLIN, .revents = 0};
  std::array<unsigned char, 64> pong{};
  return poll(&answer, 1, 200) == 1 && recv(fd.get(), pong.data(), pong.size(), 0) >= 9 &&
         pong[8] == 0x40;  // Presence Pong
}

/// ipmi_sim runs the hook through a shell and waits for it: a hung hook outlives a
/// stopped ipmi_sim unless its whole process group goes.
void stop_ipmi_sim(Daemon& daemon) {
  kill(-daemon.pid(), SIGKILL);
  daemon.stop(3s);
}

}  // namespace

IpmiSimulator::IpmiSimulator(const std::string& dir, Config config)
    : dir_(dir), hook_dir_(dir + "/chassis"), address_(config.address), port_(config.port) {
  if (port_ == 0)
    in_network_namespace(config.netns, [this] { port_ = free_port(address_, SOCK_DGRAM); });
  std::filesystem::create_directories(hook_dir_);
  std::filesystem::create_directories(dir_ + "/state");
  set_powered(config.power_on);
  if (!config.power_hook.empty())
    write_text(hook_dir_ + "/on_power", join(config.power_hook, "\n") + "\n");
  write_text(dir_ + "/lan.conf", lan_conf(address_, port_, hook_dir_, config));
  write_text(dir_ + "/lab.emu", std::string(kEmulation));
  std::vector<std::string> argv = {"/usr/bin/ipmi_sim", "-c", dir_ + "/lan.conf", "-f",
                                   dir_ + "/lab.emu",   "-s", dir_ + "/state",    "-n"};
  if (!config.netns.empty()) argv.insert(argv.begin(), {"/bin/ip", "netns", "exec", config.netns});
  daemon_.emplace(argv, dir_ + "/ipmi_sim.log");
  record_.emplace(cat(kRecordPrefix, daemon_->pid()), std::to_string(daemon_->pid()));
  const bool answers = wait_until(
      [&] {
        bool pong = false;
        in_network_namespace(config.netns, [&] { pong = answers_rmcp_ping(address_, port_); });
        return pong;
      },
      10s);
  if (!answers) {
    const std::string problem =
        cat("ipmi_sim did not answer on ", address_, ":", port_, ": ", log());
    stop();
    throw std::runtime_error(problem);
  }
}

IpmiSimulator::~IpmiSimulator() { stop(); }

void IpmiSimulator::stop() {
  if (daemon_) stop_ipmi_sim(*daemon_);
  daemon_.reset();
  record_.reset();
}

bool IpmiSimulator::powered() const {
  std::string text;
  if (!read_file(power_file(), text)) {
    throw std::runtime_error("cannot read the simulated power in " + hook_dir_);
  }
  return trim(text) == "1";
}

void IpmiSimulator::set_powered(bool on) { write_text(power_file(), on ? "1\n" : "0\n"); }

void IpmiSimulator::set_delay(double seconds) {
  set_fault("delay", seconds > 0, cat(seconds, "\n"));
}

void IpmiSimulator::set_stuck(bool stuck) { set_fault("stuck", stuck); }

void IpmiSimulator::set_broken(bool broken) { set_fault("broken", broken); }

void IpmiSimulator::set_fault(const std::string& name, bool on, const std::string& value) {
  const std::string path = hook_dir_ + "/" + name;
  if (on) {
    write_text(path, value);
  } else {
    std::filesystem::remove(path);
  }
}

std::vector<std::string> IpmiSimulator::calls() const {
  std::string text;
  read_file(hook_dir_ + "/calls", text);
  std::vector<std::string> calls;
  for (const std::string& line : split(text, "\n")) calls.emplace_back(trim(line));
  return calls;
}

std::string IpmiSimulator::log() const {
  std::string text;
  read_file(dir_ + "/ipmi_sim.log", text);
  return text;
}

bool IpmiSimulator::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

void IpmiSimulator::adopt_record(const std::string& record_name) {
  Record record = Record::adopt(record_name);
  Daemon daemon = Daemon::adopt(std::stoi(record.value()), "ipmi_sim");
  if (daemon.running()) stop_ipmi_sim(daemon);
}

}  // namespace hakit::lab
