// A tgtd for one test (LAB.md §6): its iSCSI portal on 127.0.0.1 at a free port and a
// control port of its own (tgtd -C N, so that it never meets another tgtd's targets),
// started and stopped by PID. SIGTERM does not stop tgtd: stop() deletes every target
// (--force) and then asks tgtd to exit (tgtadm --mode system --op delete).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon.h"
#include "lab_record.h"

namespace hakit::lab {

class Tgtd {
 public:
  /// Starts tgtd with its log in `dir` (which must exist) and waits until its portal
  /// accepts connections. Throws, with tgtd's log, when it does not.
  explicit Tgtd(const std::string& dir);
  ~Tgtd();
  Tgtd(const Tgtd&) = delete;
  Tgtd& operator=(const Tgtd&) = delete;

  int control_port() const { return control_port_; }
  pid_t pid() const { return daemon_->pid(); }
  int portal_port() const { return portal_port_; }
  /// "iscsi://127.0.0.1:PORT/": what libiscsi's tools take.
  std::string url() const;
  /// Runs `tgtadm -C N --lld iscsi ARGS` and returns its output; throws on failure.
  std::string tgtadm(const std::vector<std::string>& args) const;
  bool running() const;
  /// Stops tgtd now (a peer that is not running); the destructor then does nothing.
  void stop();
  std::string log() const;

  static bool is_record(const std::string& record_name);
  static void adopt_record(const std::string& record_name);

 private:
  std::string dir_;
  int control_port_ = 0;
  int portal_port_ = 0;
  std::optional<Daemon> daemon_;
  std::optional<Record> record_;
};

}  // namespace hakit::lab
