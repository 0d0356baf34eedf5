#include "virt/domain.h"

#include <libvirt/virterror.h>

#include <cstdlib>
#include <utility>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::virt {
namespace {

[[noreturn]] void fail(std::string_view what) {
  throw ocf::Error(ocf::ExitCode::kErrGeneric, cat(what, ": ", last_libvirt_error()));
}

/// A failed call on a connection that libvirt has closed (daemon gone, keepalive timeout).
bool connection_lost() {
  const virError* error = virGetLastError();
  if (!error) return false;
  return error->code == VIR_ERR_SYSTEM_ERROR || error->code == VIR_ERR_RPC ||
         error->code == VIR_ERR_NO_CONNECT || error->code == VIR_ERR_INVALID_CONN ||
         error->domain == VIR_FROM_RPC;
}

[[noreturn]] void fail_or_unreachable(std::string_view what) {
  if (connection_lost()) throw Unreachable(cat(what, ": ", last_libvirt_error()));
  fail(what);
}

}  // namespace

std::string_view describe(DomainState state) {
  switch (state) {
    case DomainState::kRunning:
      return "running";
    case DomainState::kPaused:
      return "paused";
    case DomainState::kShuttingDown:
      return "in shutdown";
    case DomainState::kShutOff:
      return "shut off";
    case DomainState::kCrashed:
      return "crashed";
    case DomainState::kSuspendedToDisk:
      return "pmsuspended";
    case DomainState::kNoState:
      return "no state";
  }
  return "unknown";
}

DomainState domain_state(int libvirt_state) {
  switch (libvirt_state) {
    case VIR_DOMAIN_RUNNING:
    case VIR_DOMAIN_BLOCKED:
      return DomainState::kRunning;
    case VIR_DOMAIN_PAUSED:
      return DomainState::kPaused;
    case VIR_DOMAIN_SHUTDOWN:
      return DomainState::kShuttingDown;
    case VIR_DOMAIN_SHUTOFF:
      return DomainState::kShutOff;
    case VIR_DOMAIN_CRASHED:
      return DomainState::kCrashed;
    case VIR_DOMAIN_PMSUSPENDED:
      return DomainState::kSuspendedToDisk;
    default:
      return DomainState::kNoState;
  }
}

bool is_active(DomainState state) {
  return state == DomainState::kRunning || state == DomainState::kPaused ||
         state == DomainState::kShuttingDown || state == DomainState::kSuspendedToDisk ||
         state == DomainState::kNoState;
}

std::optional<Domain> Domain::lookup(const Connection& conn, const std::string& name) {
  virDomainPtr dom = virDomainLookupByName(conn.get(), name.c_str());
  if (dom) return Domain(dom);
  const virError* error = virGetLastError();
  if (error && error->code == VIR_ERR_NO_DOMAIN) return std::nullopt;
  fail_or_unreachable(cat("cannot look up domain ", name));
}

Domain Domain::create(const Connection& conn, const std::string& xml) {
  virDomainPtr dom = virDomainCreateXML(conn.get(), xml.c_str(), 0);
  if (!dom) fail("cannot create the domain");
  return Domain(dom);
}

Domain Domain::restore(const Connection& conn, const std::string& path, const std::string& name) {
  if (virDomainRestore(conn.get(), path.c_str()) < 0) fail(cat("cannot restore ", path));
  auto dom = lookup(conn, name);
  if (!dom) fail(cat("domain ", name, " not found after restoring ", path));
  return std::move(*dom);
}

Domain::~Domain() {
  if (dom_) virDomainFree(dom_);
}

Domain::Domain(Domain&& other) noexcept : dom_(std::exchange(other.dom_, nullptr)) {}

Domain& Domain::operator=(Domain&& other) noexcept {
  if (this != &other) {
    if (dom_) virDomainFree(dom_);
    dom_ = std::exchange(other.dom_, nullptr);
  }
  return *this;
}

DomainState Domain::state() const {
  int state = 0;
  int reason = 0;
  if (virDomainGetState(dom_, &state, &reason, 0) < 0) {
    const virError* error = virGetLastError();
    // Gone between lookup and state (transient domain shut down): it is off.
    if (error && error->code == VIR_ERR_NO_DOMAIN) return DomainState::kShutOff;
    fail_or_unreachable("cannot read the domain state");
  }
  return domain_state(state);
}

void Domain::start() {
  if (virDomainCreate(dom_) < 0) fail("cannot start the domain");
}

void Domain::shutdown(unsigned flags) {
  if (virDomainShutdownFlags(dom_, flags) < 0) fail_or_unreachable("shutdown request failed");
}

void Domain::destroy() {
  if (virDomainDestroy(dom_) == 0) return;
  const virError* error = virGetLastError();
  if (error && (error->code == VIR_ERR_OPERATION_INVALID || error->code == VIR_ERR_NO_DOMAIN)) {
    return;  // not running (any more)
  }
  fail_or_unreachable("cannot destroy the domain");
}

void Domain::save(const std::string& path) {
  if (virDomainSave(dom_, path.c_str()) < 0) fail(cat("cannot save the domain to ", path));
}

std::string Domain::xml(unsigned flags) const {
  char* xml = virDomainGetXMLDesc(dom_, flags);
  if (!xml) fail_or_unreachable("cannot read the domain XML");
  std::string result(xml);
  std::free(xml);
  return result;
}

bool Domain::persistent() const { return virDomainIsPersistent(dom_) == 1; }

virDomainInfo Domain::info() const {
  virDomainInfo info{};
  if (virDomainGetInfo(dom_, &info) < 0) fail_or_unreachable("cannot read the domain info");
  return info;
}

std::optional<unsigned> shutdown_flags(std::string_view modes) {
  unsigned flags = 0;
  for (const auto& mode : split(modes, ", ")) {
    if (mode == "acpi")
      flags |= VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN;
    else if (mode == "agent")
      flags |= VIR_DOMAIN_SHUTDOWN_GUEST_AGENT;
    else if (mode == "initctl")
      flags |= VIR_DOMAIN_SHUTDOWN_INITCTL;
    else if (mode == "signal")
      flags |= VIR_DOMAIN_SHUTDOWN_SIGNAL;
    else if (mode == "paravirt")
      flags |= VIR_DOMAIN_SHUTDOWN_PARAVIRT;
    else
      return std::nullopt;
  }
  return flags;
}

}  // namespace hakit::virt
