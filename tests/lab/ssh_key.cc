#include "ssh_key.h"

#include <filesystem>

#include "run_checked.h"
#include "util/strings.h"

namespace hakit::lab {

SshKey generate_ssh_key(const std::string& path, const std::string& comment) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + ".pub");
  run_checked({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path});
  std::string public_key;
  if (!read_file(path + ".pub", public_key))
    throw std::runtime_error("cannot read " + path + ".pub");
  return {.path = path, .public_key = std::string(trim(public_key))};
}

std::string known_hosts_entry(const std::string& address, int port, const std::string& public_key) {
  const std::vector<std::string> fields = split(public_key);
  if (fields.size() < 2) throw std::invalid_argument("not a public key: " + public_key);
  const std::string host = port == 22 ? address : cat("[", address, "]:", port);
  return cat(host, " ", fields[0], " ", fields[1], "\n");
}

}  // namespace hakit::lab
