// A simulated hypervisor host (LAB.md §5): a monolithic libvirtd with the qemu driver
// (TCG, no /dev/kvm needed) in its own mount namespace, with its own socket, state,
// qemu.conf and host UUID under a directory of the test's. Two of them on one machine
// are two hosts between which domains live-migrate for real.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "daemon.h"
#include "lab_record.h"

namespace hakit::lab {

class LibvirtHost {
 public:
  /// Prepares `dir` (created if needed) for host number `index` (1, 2, ...: its host UUID)
  /// and starts libvirtd; waits until it answers. Throws, with its log, when it does not.
  LibvirtHost(const std::string& dir, int index);
  /// Destroys the host's domains (kills their qemu processes by PID) and stops libvirtd.
  ~LibvirtHost();
  LibvirtHost(const LibvirtHost&) = delete;
  LibvirtHost& operator=(const LibvirtHost&) = delete;

  /// qemu+unix:///system?socket=DIR/run/libvirt-sock
  const std::string& uri() const { return uri_; }

  /// libvirtd down (SIGTERM, waited for) and up again; running guests survive, as with a
  /// real libvirtd restart.
  void stop_daemon();
  void start_daemon();
  /// libvirtd hung (SIGSTOP) and back (SIGCONT).
  void freeze_daemon();
  void thaw_daemon();
  /// Restarts libvirtd requiring SASL authentication (SCRAM-SHA-256) on its sockets, with
  /// no user in its database: every client is refused, whatever it offers. Running guests
  /// survive. virsh() and domstate() fail from then on; emulator_pids() still works.
  void require_authentication();

  /// `virsh domstate NAME` on this host: "running", "shut off", ... or "" when the host
  /// does not know the domain. Independent of the agents' code.
  std::string domstate(const std::string& name) const;
  /// virsh with these arguments against this host; throws when it fails.
  std::string virsh(const std::vector<std::string>& args) const;
  /// PIDs of the qemu processes of this host's running domains (their pid files).
  std::vector<pid_t> emulator_pids() const;
  /// What libvirtd logged (for failure messages).
  std::string log() const;

  /// Removes what a crashed test left (record name "libvirt-host-<pid>").
  static bool is_record(const std::string& record_name);
  static void adopt_record(const std::string& record_name);

 private:
  void kill_emulators();
  std::string dir_;
  int index_;
  bool authenticated_ = false;
  std::string uri_;
  std::optional<Daemon> daemon_;
  std::optional<Record> record_;
};

/// qemu.conf for a lab host: qemu as root without the security drivers, cgroups or
/// virtlogd this machine lacks (LAB.md §5).
std::string libvirt_qemu_conf();
/// How a lab libvirtd authenticates the clients of its UNIX sockets.
enum class SocketAuth { kNone, kSasl };
/// libvirtd.conf for lab host number `index` (its host UUID), logging to DIR/libvirtd.log.
/// With a `tcp_address`, libvirtd (started with --listen) also accepts unauthenticated
/// qemu+tcp:// connections there, port 16509: the migration peers of a box's nodes, on
/// a bridge nothing else reaches.
std::string libvirtd_conf(const std::string& dir, int index, const std::string& tcp_address = "",
                          SocketAuth auth = SocketAuth::kNone);

/// A small diskless TCG domain (64 MiB, SeaBIOS finds no boot device and idles). Without
/// an OS nothing answers ACPI, so a graceful shutdown never completes (stop must destroy).
std::string lab_domain_xml(const std::string& name);

}  // namespace hakit::lab
