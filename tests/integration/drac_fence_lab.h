// The peer of the drac5 device's integration tests: a simulated DRAC 5
// (drac_simulator.h) with a login key, and the fencer's stdin for an action.
#pragma once

#include <string>
#include <vector>

#include "drac_simulator.h"
#include "fence_run.h"
#include "ssh_key.h"
#include "temp_dir.h"

namespace hakit::fence_test {

inline const std::string kDrac5Agent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_drac5";
inline const std::string kDrac5Plugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-drac5";
/// Root's password on the simulated DRAC.
inline const std::string kDracPassword = "Drac-lab-secret-5";

struct DracLab {
  lab::TempDir dir{"drac5"};
  lab::SshKey key = lab::generate_ssh_key(dir / "id_drac", "drac-client");
  lab::DracSimulator drac{dir.path(), {key.public_key}, kDracPassword};

  /// The fencer's stdin for `action` on node5, logging in with the key, then `extra`.
  std::vector<std::string> options(const std::string& action,
                                   const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> lines = {"action=" + action,
                                      "ip=" + drac.sshd().address(),
                                      cat("ipport=", drac.sshd().port()),
                                      "username=root",
                                      "identity_file=" + key.path,
                                      "known_hosts=" + drac.sshd().known_hosts(),
                                      "hostname=node5",
                                      "nodename=node5"};
    lines.insert(lines.end(), extra.begin(), extra.end());
    return lines;
  }
  FenceRun agent(const std::string& action, const std::vector<std::string>& extra = {}) const {
    return run_with_stdin(kDrac5Agent, options(action, extra));
  }
};

}  // namespace hakit::fence_test
