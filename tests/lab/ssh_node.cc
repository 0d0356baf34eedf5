#include "ssh_node.h"

#include "exec/command.h"
#include "util/strings.h"

namespace hakit::lab {

SshNode::SshNode(const std::string& dir, const std::string& client_key, bool goes_down)
    : log_(dir + "/reboot-requests.log") {
  const std::string hook =
      cat(HAKIT_LAB_SIM_DIR "/fake-reboot ", log_, " ", goes_down ? peer_.ipv4() : "none");
  sshd_.emplace(
      dir, SshdConfig{.address = peer_.ipv4(),
                      .port = 22,
                      .authorized_keys = {cat("command=\"", hook, "\",no-port-forwarding,no-pty ",
                                              client_key)},
                      .netns = peer_.namespace_name()});
}

std::vector<std::string> SshNode::reboot_requests() const {
  std::string text;
  read_file(log_, text);
  return split(text, "\n");
}

bool answers_ping(const std::string& address) {
  return exec::run({.argv = {"ping", "-c", "1", "-W", "1", "-q", address}},
                   exec::Deadline::in(std::chrono::seconds(5)))
      .ok();
}

}  // namespace hakit::lab
