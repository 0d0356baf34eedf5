// SSH keys for the lab's sshd peers: a client's login key or a server's host key, made
// with ssh-keygen for one test, and the known_hosts lines naming a server's key.
#pragma once

#include <string>

namespace hakit::lab {

struct SshKey {
  std::string path;        ///< the private key; the public one is path + ".pub"
  std::string public_key;  ///< "ssh-ed25519 AAAA... comment"
};

/// A new ed25519 key pair without passphrase at `path` and `path`.pub.
SshKey generate_ssh_key(const std::string& path, const std::string& comment = "hakit-lab");

/// The known_hosts line for `public_key` served at `address`:`port` ("[127.0.0.1]:2222 ..."
/// unless the port is 22).
std::string known_hosts_entry(const std::string& address, int port, const std::string& public_key);

}  // namespace hakit::lab
