// A node for the ssh fence device to "reboot" (LAB.md §4, §8): a network namespace of its
// own (NetnsPeer) with an sshd inside on port 22 whose every session runs sim/fake-reboot:
// the node records the command it was sent and, a second later, takes its link down, so
// that it stops answering pings as a rebooting node does. Nothing outside the namespace
// and its veth pair is touched; the node's address exists only on this machine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "netns.h"
#include "ssh_key.h"
#include "sshd.h"

namespace hakit::lab {

class SshNode {
 public:
  /// Starts the node with its files in `dir`, accepting root's logins with `client_key`
  /// (a public key line). Unless `goes_down`, the node records reboot requests but keeps
  /// answering (a reboot that never happens).
  SshNode(const std::string& dir, const std::string& client_key, bool goes_down = true);

  /// The node's IPv4 address (its sshd listens there, port 22).
  std::string address() const { return peer_.ipv4(); }
  const Sshd& sshd() const { return *sshd_; }
  Sshd& sshd() { return *sshd_; }
  /// The commands the node was asked to run, oldest first.
  std::vector<std::string> reboot_requests() const;
  /// Brings the node back on the network after a (fake) reboot.
  void come_back() const { peer_.connect(); }

 private:
  std::string log_;
  NetnsPeer peer_;
  std::optional<Sshd> sshd_;
};

/// Whether `address` answers one ping within a second (iputils' ping: an independent
/// witness, not the code under test).
bool answers_ping(const std::string& address);

}  // namespace hakit::lab
