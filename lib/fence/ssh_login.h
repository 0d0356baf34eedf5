// How an ssh-based device's fence options become an SshLogin (ssh_session.h), the same
// way for every such device. Of these options, those the device's meta-data declares are
// read: ipport, username (login), password (passwd, password_script), identity_file,
// known_hosts, ssh_insecure, and fence-agents' ssh_options.
//
// ssh_options holds OpenSSH command-line options (fence_drac5 appended them to its ssh
// command line). hakit speaks SSH itself, so it understands the ones that say where and
// how to log in: -p PORT, -l USER, -i FILE, and -o with Port, User, IdentityFile,
// UserKnownHostsFile and StrictHostKeyChecking (no/off turns host-key verification off).
// Terminal and verbosity flags (-t, -T, -q, -x, -n, -v, -4, -6, -C) and -o BatchMode,
// LogLevel and ConnectTimeout mean nothing here; anything else is ignored with a
// warning. An option set explicitly wins over ssh_options.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"
#include "fence/options.h"
#include "fence/ssh_session.h"

namespace hakit::fence {

/// The login to `host` that `options` describe. The password comes from password or
/// password_script (run within `deadline`). Throws Error(kBadConfig) for a malformed port.
SshLogin ssh_login(const Options& options, const std::string& host, const exec::Deadline& deadline);

/// ssh_options applied onto `login`; returns the words it ignored (for the warning).
std::vector<std::string> apply_ssh_options(std::string_view ssh_options, SshLogin& login);

}  // namespace hakit::fence
