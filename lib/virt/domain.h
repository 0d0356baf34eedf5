// One libvirt domain: lookup, state, lifecycle calls. Every failure throws
// ocf::Error(kErrGeneric) with libvirt's message, except where noted.
#pragma once

#include <libvirt/libvirt.h>

#include <optional>
#include <string>

#include "virt/connection.h"

namespace hakit::virt {

enum class DomainState {
  kRunning,
  kPaused,
  kShuttingDown,
  kShutOff,
  kCrashed,
  kSuspendedToDisk,
  kNoState
};

/// libvirt's virDomainState number as a DomainState.
DomainState domain_state(int libvirt_state);
/// "running", "shut off", ... as virsh domstate prints them.
std::string_view describe(DomainState state);
/// Running in the OCF sense: the guest exists and holds its resources.
bool is_active(DomainState state);

class Domain {
 public:
  /// nullopt when the hypervisor knows no domain of that name. Throws Unreachable when the
  /// connection broke.
  static std::optional<Domain> lookup(const Connection& conn, const std::string& name);
  /// Starts a transient domain from XML (virsh create). Throws Error(kErrGeneric).
  static Domain create(const Connection& conn, const std::string& xml);
  /// Restores a domain saved with save() (virsh restore), then looks it up by `name`.
  static Domain restore(const Connection& conn, const std::string& path, const std::string& name);
  ~Domain();
  Domain(Domain&& other) noexcept;
  Domain& operator=(Domain&& other) noexcept;
  Domain(const Domain&) = delete;

  /// Throws Unreachable when the connection broke.
  DomainState state() const;
  /// Starts an inactive persistent domain (virsh start).
  void start();
  /// Asks the guest to shut down; `flags` are VIR_DOMAIN_SHUTDOWN_* (0: hypervisor's choice).
  void shutdown(unsigned flags);
  /// Powers the domain off. A domain that is already off is not an error.
  void destroy();
  /// Saves memory state to `path` and stops the domain (virsh save).
  void save(const std::string& path);
  /// The domain XML; `flags` are VIR_DOMAIN_XML_*.
  std::string xml(unsigned flags) const;
  bool persistent() const;
  /// Virtual CPUs and maximum memory (KiB).
  virDomainInfo info() const;
  virDomainPtr get() const { return dom_; }

 private:
  explicit Domain(virDomainPtr dom) : dom_(dom) {}
  virDomainPtr dom_;
};

/// virDomainShutdownFlags flags for shutdown_mode ("acpi,agent"); nullopt for an unknown mode.
std::optional<unsigned> shutdown_flags(std::string_view modes);

}  // namespace hakit::virt
