#include "drac_simulator.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "util/strings.h"

namespace hakit::lab {

namespace {

void write_atomically(const std::string& path, std::string_view contents) {
  const std::string temporary = path + ".tmp";
  std::ofstream(temporary, std::ios::trunc) << contents << "\n";
  std::filesystem::rename(temporary, path);
}

/// Writes the initial power state before sshd starts (sshd_ is built after state_).
std::string initial_state(const std::string& dir) {
  const std::string path = dir + "/drac.power";
  write_atomically(path, "ON");
  return path;
}

}  // namespace

DracSimulator::DracSimulator(const std::string& dir,
                             const std::vector<std::string>& authorized_keys,
                             std::optional<std::string> root_password)
    : state_(initial_state(dir)),
      sshd_(dir, {.authorized_keys = authorized_keys,
                  .root_password = std::move(root_password),
                  .force_command = HAKIT_LAB_SIM_DIR "/dracsh",
                  .environment = {"RACADM_STATE=" + state_,
                                  "PATH=" HAKIT_LAB_SIM_DIR ":/usr/sbin:/usr/bin:/sbin:/bin"}}) {}

std::string DracSimulator::power() const {
  std::string text;
  if (!read_file(state_, text)) throw std::runtime_error("cannot read " + state_);
  return std::string(trim(text));
}

void DracSimulator::set_power(std::string_view state) { write_atomically(state_, state); }

void DracSimulator::set_delay(int seconds) {
  write_atomically(state_ + ".delay", std::to_string(seconds));
}

void DracSimulator::set_stuck(bool stuck) {
  if (stuck) {
    write_atomically(state_ + ".stuck", "stuck");
  } else {
    std::filesystem::remove(state_ + ".stuck");
  }
}

std::vector<std::string> DracSimulator::calls() const {
  std::string text;
  read_file(state_ + ".log", text);
  return split(text, "\n");
}

}  // namespace hakit::lab
