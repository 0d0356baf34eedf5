// The qemu process of a domain, read from /proc: how the agents still know whether a
// qemu/KVM domain runs while libvirtd cannot be asked (no child process is spawned).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"

namespace hakit::virt {

/// True when `argv` is a qemu emulator started for domain `name` (qemu-system-*, qemu-kvm
/// with "-name guest=NAME,..." or the older "-name NAME").
bool is_emulator_of(const std::vector<std::string>& argv, std::string_view name);

/// The PID of the running emulator of domain `name`, if any.
std::optional<pid_t> find_emulator(std::string_view name);

/// SIGTERM, then SIGKILL after a grace period, as libvirt's destroy does. True when the
/// process is gone before `deadline`.
bool kill_emulator(pid_t pid, const exec::Deadline& deadline);

}  // namespace hakit::virt
