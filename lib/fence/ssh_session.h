// One SSH connection to a fencing device or a target host, in-process over libssh (no ssh
// program, so no password on any argv and no shell in between). Shared by the drac5 and
// ssh devices.
//
//   SshSession session(login, deadline);        // connect, verify the host key, log in
//   SshOutput out = session.run("racadm serveraction powerstatus", deadline);
//
// Every network wait is bounded by the deadline passed to that call: connecting, the
// handshake, authentication, each command and its output (name resolution is the
// system resolver's and is not). Failures are fence::Error:
//   kUnreachable  no connection, the connection dropped, or no answer in time;
//   kBadConfig    the host key is not in the known-hosts files (add it, or ssh_insecure),
//                 or the identity file cannot be read;
//   kAccess       the host key differs from the known one (refused: possible
//                 impersonation), or the login was refused;
//   kTimeout      a command did not finish in time;
//   kFailed       the server would not run the command.
// Messages name the host and never contain the password.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "exec/deadline.h"
#include "fence/error.h"

struct ssh_session_struct;  // libssh's session, kept out of this header

namespace hakit::fence {

struct SshLogin {
  std::string host = {};  ///< name or address
  int port = 22;
  std::string user = {};
  /// Private key to log in with; with a password set, the password is also its passphrase.
  std::string identity_file = {};
  std::optional<std::string> password = {};
  /// Known-hosts file to check the host key against; empty: libssh's default, the running
  /// user's ~/.ssh/known_hosts (/etc/ssh/ssh_known_hosts is always consulted too).
  std::string known_hosts = {};
  /// false only on explicit request (ssh_insecure): accept any host key.
  bool verify_host_key = true;

  /// "root@127.0.0.1:2222", for messages.
  std::string describe() const;
};

struct SshOutput {
  int exit_status = -1;  ///< -1 when the server sent none
  std::string out;
  std::string err;
};

class SshSession {
 public:
  /// Connects, checks the host key and authenticates: with identity_file if set, with the
  /// password if set, else with the user's default keys and agent.
  SshSession(SshLogin login, const exec::Deadline& deadline);
  ~SshSession();
  SshSession(const SshSession&) = delete;
  SshSession& operator=(const SshSession&) = delete;

  /// Runs `command` on a new channel (an exec request: the server's shell or forced
  /// command interprets it) and returns once the command exited, keeping at most
  /// `max_output` bytes of each of stdout and stderr. Throws kTimeout when it does not
  /// finish by `deadline`; after any throw the session may be unusable (see usable()).
  SshOutput run(const std::string& command, const exec::Deadline& deadline,
                size_t max_output = size_t{64} * 1024);

  /// false once a command timed out or the connection failed: open a new session.
  bool usable() const { return usable_; }

 private:
  struct Free {
    void operator()(ssh_session_struct* session) const;
  };
  void bound_by(const exec::Deadline& deadline);
  void verify_host_key();
  void authenticate(const exec::Deadline& deadline);
  /// An Error of `kind` saying `what` failed, with libssh's reason.
  [[noreturn]] void fail(ErrorKind kind, const std::string& what);

  SshLogin login_;
  std::unique_ptr<ssh_session_struct, Free> session_;
  bool usable_ = true;
};

}  // namespace hakit::fence
