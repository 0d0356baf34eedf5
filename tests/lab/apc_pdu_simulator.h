// A simulated APC PDU (LAB.md §3): snmpd on 127.0.0.1 and a free UDP port, started with -C
// (no /etc/snmp), -I -smux (no SMUX listener on TCP 199) and its persistent directory in
// `dir`; the pass_persist handler sim/apcpdu.py serves PowerNet-MIB's outlet tables from a
// JSON file that the tests read back (and edit) independently of any SNMP client. Stopped by
// PID when the object dies, or by `hakit-lab cleanup` after a crash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon.h"
#include "lab_record.h"

namespace hakit::lab {

class ApcPduSimulator {
 public:
  struct Config {
    std::vector<std::string> outlets;  ///< outlet N is named outlets[N-1]; all start ON
    /// rPDU's; any other (".1.3.6.1.4.1.318.1.3.4.2") makes a MasterSwitch of it.
    std::string sys_object_id = ".1.3.6.1.4.1.318.1.3.4.5";
    std::string read_community = "public";
    std::string write_community = "private";
    /// With both passwords set, a read-write SNMPv3 user (SHA authentication, AES privacy).
    std::string v3_user = "pduadmin";
    std::string v3_auth_password = {};
    std::string v3_priv_password = {};
    /// Where it listens: a network namespace's name (empty: this one), an IPv4 address
    /// there and a UDP port (0: a free one).
    std::string netns = {};
    std::string address = kAddress;
    int port = 0;
    /// A program (with arguments) run with the outlet's name and "off" or "on" appended
    /// after each switch, before the PDU answers (the box's nodes: box.h).
    std::vector<std::string> power_hook = {};
  };

  /// Starts the PDU with its files in `dir` and waits until snmpd listens.
  ApcPduSimulator(const std::string& dir, Config config);
  /// Stops it (see stop()).
  ~ApcPduSimulator();
  ApcPduSimulator(const ApcPduSimulator&) = delete;
  ApcPduSimulator& operator=(const ApcPduSimulator&) = delete;

  static constexpr const char* kAddress = "127.0.0.1";
  const std::string& address() const { return address_; }
  int port() const { return port_; }
  /// The PDU's address with its port, as cluster-glue's pduip takes it.
  std::string host_and_port() const;
  /// The JSON file the handler keeps the PDU's state in (see sim/apcpdu.py).
  const std::string& state_file() const { return state_; }

  struct Outlet {
    std::string name;
    bool on = false;
  };
  /// The outlets as the PDU has them now, outlet 1 first (read from the state file).
  std::vector<Outlet> outlets() const;
  /// The same, read from the state file of a PDU that another process runs.
  static std::vector<Outlet> outlets(const std::string& state_file);
  struct Switch {
    int outlet = 0;
    std::string state;  ///< "on" or "off"
    std::string table;  ///< the table written: "rpdu" or "spdu"
    bool operator==(const Switch&) const = default;
  };
  /// Every switch the PDU performed, oldest first; a reboot command is an off, then an on.
  std::vector<Switch> switches() const;

  /// Makes the PDU take `seconds` before each answer (a hung PDU); 0 restores it.
  void set_delay(double seconds);
  /// Outlets (by name) that accept commands but never change state (a welded relay).
  void set_stuck(const std::vector<std::string>& names);
  /// Kills snmpd and its handler: the PDU is gone.
  void stop();

  /// Whether `record_name` names the record of a simulator's snmpd (cleanup).
  static bool is_record(const std::string& record_name);
  /// Stops the snmpd a crashed test left behind, by the PID in its record.
  static void adopt_record(const std::string& record_name);

 private:
  /// Applies a jq filter to the state file (atomically).
  void edit(const std::string& filter);
  std::string dir_;
  std::string state_;
  std::string address_;
  int port_ = 0;
  std::optional<Record> record_;
  std::optional<Daemon> snmpd_;
};

}  // namespace hakit::lab
