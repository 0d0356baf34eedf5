// An OpenSSH server for one test (LAB.md §4): its own host key, config, authorized keys
// and log in a directory of the test's, started and stopped by PID. It runs in a private
// mount namespace (sim/sshd-sandbox), so the privilege-separation directory it needs and
// the test's root password (a shadow file) exist only there: nothing on the machine changes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon.h"
#include "lab_record.h"
#include "ssh_key.h"

namespace hakit::lab {

struct SshdConfig {
  std::string address = "127.0.0.1";  ///< ListenAddress
  int port = 0;                       ///< 0: a free port on `address`
  /// Lines of root's authorized_keys, with options (command="...") where wanted.
  std::vector<std::string> authorized_keys = {};
  /// Enables password logins as root, with this password.
  std::optional<std::string> root_password = {};
  /// ForceCommand: what every session runs, whatever the client asks (sim/dracsh).
  std::string force_command = {};
  /// SetEnv NAME=VALUE entries for the sessions (PATH, the simulators' state files).
  std::vector<std::string> environment = {};
  /// The network namespace to run in (NetworkNamespace::name()); empty: the host's.
  std::string netns = {};
};

class Sshd {
 public:
  /// Writes the config and a fresh host key into `dir` (which must exist), starts sshd and
  /// waits until it accepts connections. Throws, with sshd's log, when it does not.
  Sshd(const std::string& dir, SshdConfig config);
  /// Stops sshd.
  ~Sshd();
  Sshd(const Sshd&) = delete;
  Sshd& operator=(const Sshd&) = delete;

  const std::string& address() const { return config_.address; }
  int port() const { return config_.port; }
  const SshKey& host_key() const { return host_key_; }
  /// A known_hosts file (in `dir`) holding this server's key for its address and port.
  const std::string& known_hosts() const { return known_hosts_; }
  /// What sshd logged so far (for failure messages).
  std::string log() const;

  /// Stops sshd now (a peer that is not running); the destructor then does nothing.
  void stop();

  /// Whether `record_name` is an Sshd's record; adopt_record() stops that sshd (cleanup).
  static bool is_record(const std::string& record_name);
  static void adopt_record(const std::string& record_name);

 private:
  SshdConfig config_;
  std::string dir_;
  SshKey host_key_;
  std::string known_hosts_;
  std::optional<Daemon> daemon_;
  std::optional<Record> record_;
};

}  // namespace hakit::lab
