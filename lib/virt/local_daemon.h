// The monitor's one question, is this domain running, asked of the local libvirt daemon
// directly: four calls of libvirt's RPC protocol (its authentication methods, open read-only,
// look the domain up, read its state) over the daemon's UNIX socket, as libvirt.so's remote
// driver makes them. This spares a monitor loading libvirt.so (libvirt_on_demand.cc), which
// is 90 % of its cost. It answers only what it can answer for certain: another URI, a daemon
// that wants authentication or any answer it does not expect is left to libvirt.so. libvirt
// calls the protocol internal; these procedures are among its oldest and unchanged, since
// clients and daemons of different versions talk through them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "exec/deadline.h"
#include "virt/domain.h"

namespace hakit::virt {

struct LocalDaemon {
  std::string socket;  ///< where it listens
  std::string uri;     ///< what it is asked to open: "qemu:///system"
};

/// The daemon serving `uri` when that is a local system URI: "qemu:///system" or
/// "xen:///system" -> libvirtd's read-only socket (the driver's own daemon's, virtqemud or
/// virtxend, where no libvirtd listens), "qemu+unix:///system?socket=PATH" -> PATH.
/// nullopt for any other URI (remote, session, the default one, test:///).
std::optional<LocalDaemon> local_daemon_for(
    std::string_view uri, const std::function<bool(const std::string&)>& socket_exists);

/// The domain's state as the daemon reports it, kShutOff when it knows no such domain;
/// nullopt when it cannot be asked this way (not listening, wants authentication, an answer
/// this client does not expect). Throws Unreachable when the daemon took the question and
/// did not answer by `deadline`.
std::optional<DomainState> state_from_local_daemon(const LocalDaemon& daemon,
                                                   const std::string& name,
                                                   const exec::Deadline& deadline);

}  // namespace hakit::virt
