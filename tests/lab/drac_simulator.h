// A simulated Dell DRAC 5 (LAB.md §4): an sshd on 127.0.0.1 with a free port whose every
// session is the DRAC's command line (sim/dracsh) running a fake racadm (sim/racadm). The
// server's power is a file the tests read back independently of any SSH client.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sshd.h"

namespace hakit::lab {

class DracSimulator {
 public:
  /// Starts the DRAC in `dir` with the server ON, accepting root's logins with the keys in
  /// `authorized_keys` (public key lines) and, if given, `root_password`.
  DracSimulator(const std::string& dir, const std::vector<std::string>& authorized_keys,
                std::optional<std::string> root_password = std::nullopt);

  const Sshd& sshd() const { return sshd_; }
  Sshd& sshd() { return sshd_; }

  /// The file holding "ON" or "OFF".
  const std::string& power_file() const { return state_; }
  /// "ON" or "OFF", as the simulated server is now.
  std::string power() const;
  void set_power(std::string_view state);
  /// Makes every later racadm call take `seconds` (a hung DRAC); 0 restores it.
  void set_delay(int seconds);
  /// While stuck, racadm accepts power requests but the power stays as it is.
  void set_stuck(bool stuck);
  /// The racadm arguments received so far, oldest first ("serveraction powerstatus").
  std::vector<std::string> calls() const;

 private:
  std::string state_;
  Sshd sshd_;
};

}  // namespace hakit::lab
