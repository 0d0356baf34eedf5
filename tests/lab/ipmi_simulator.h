// A simulated BMC (LAB.md §2): OpenIPMI's ipmi_sim on 127.0.0.1 and a free UDP port, with
// IPMI 1.5 (none, md2, md5, straight) and 2.0 RMCP+ logins, and its chassis power held by
// the hook sim/chassis_control in a file that the tests read back (and fault) independently
// of any IPMI client. Stopped by PID (with the hook's children) when the object dies, or by
// `hakit-lab cleanup` after a crash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon.h"
#include "lab_record.h"

namespace hakit::lab {

class IpmiSimulator {
 public:
  struct Config {
    std::string username = "admin";  ///< an administrator
    std::string password = "secret";
    bool power_on = true;  ///< the machine's power at start
    /// Where it listens: a network namespace's name (empty: this one), an IPv4 address
    /// there and a UDP port (0: a free one).
    std::string netns = {};
    std::string address = kAddress;
    int port = 0;
    /// A program (with arguments) run with "0" or "1" appended whenever a request switched
    /// the power, before the BMC answers (the box's nodes: box.h).
    std::vector<std::string> power_hook = {};
  };

  /// Starts the BMC with its files in `dir` (which must exist) and waits until it answers
  /// an RMCP ping. Throws, with ipmi_sim's log, when it does not.
  IpmiSimulator(const std::string& dir, Config config);
  /// Stops the BMC.
  ~IpmiSimulator();
  IpmiSimulator(const IpmiSimulator&) = delete;
  IpmiSimulator& operator=(const IpmiSimulator&) = delete;

  static constexpr const char* kAddress = "127.0.0.1";
  const std::string& address() const { return address_; }
  int port() const { return port_; }

  /// The file holding the machine's power, "1" or "0": what powered() reads.
  std::string power_file() const { return hook_dir_ + "/power"; }
  /// The machine's power as the hook holds it now.
  bool powered() const;
  void set_powered(bool on);
  /// Makes every chassis request take `seconds` (a hung BMC); 0 restores it.
  void set_delay(double seconds);
  /// While stuck, the BMC accepts power requests but the power stays as it is.
  void set_stuck(bool stuck);
  /// While broken, the BMC answers Get Chassis Status with an error.
  void set_broken(bool broken);
  /// The chassis requests received so far, oldest first ("get power", "set power 0").
  std::vector<std::string> calls() const;
  /// What ipmi_sim logged so far (for failure messages).
  std::string log() const;

  /// Stops ipmi_sim now (a BMC that is gone); the destructor then does nothing.
  void stop();

  /// Whether `record_name` is an IpmiSimulator's record; adopt_record() stops that ipmi_sim.
  static bool is_record(const std::string& record_name);
  static void adopt_record(const std::string& record_name);

 private:
  void set_fault(const std::string& name, bool on, const std::string& value = "");
  std::string dir_;
  std::string hook_dir_;
  std::string address_;
  int port_ = 0;
  std::optional<Daemon> daemon_;
  std::optional<Record> record_;
};

}  // namespace hakit::lab
