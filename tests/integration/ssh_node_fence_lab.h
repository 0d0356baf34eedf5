// The peer of the ssh device's integration tests: a node that goes silent when told to
// reboot (ssh_node.h), with a login key, and the fencer's stdin for an action.
#pragma once

#include <string>
#include <vector>

#include "fence_run.h"
#include "ssh_key.h"
#include "ssh_node.h"
#include "temp_dir.h"

namespace hakit::fence_test {

inline const std::string kSshAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_ssh";
inline const std::string kSshPlugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-ssh";
/// external/ssh's reboot command, as the node receives it.
inline const std::string kRebootCommand =
    "echo 'sleep 2; /sbin/reboot -nf' | SHELL=/bin/sh at now >/dev/null 2>&1";

struct NodeLab {
  explicit NodeLab(bool goes_down = true)
      : key(lab::generate_ssh_key(dir / "id_fence", "ssh-fence")),
        node(dir.path(), key.public_key, goes_down) {}

  /// The fencer's stdin for `action` on the node, then `extra`.
  std::vector<std::string> options(const std::string& action,
                                   const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> lines = {"action=" + action, "hostlist=" + node.address(),
                                      "plug=" + node.address(), "identity_file=" + key.path,
                                      "known_hosts=" + node.sshd().known_hosts()};
    lines.insert(lines.end(), extra.begin(), extra.end());
    return lines;
  }
  FenceRun agent(const std::string& action, const std::vector<std::string>& extra = {}) const {
    return run_with_stdin(kSshAgent, options(action, extra));
  }

  lab::TempDir dir{"ssh-fence"};
  lab::SshKey key;
  lab::SshNode node;
};

}  // namespace hakit::fence_test
