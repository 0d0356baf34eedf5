// A fencing device: what one backend (an APC PDU over SNMP, a DRAC over ssh, an IPMI
// BMC, an operator, nothing at all) can be asked to do. A backend only *asks* and
// *reads*; whether fencing succeeded is decided in one place, VerifiedPower, which
// reports success only once the device itself reads back the target off (then on, for
// a reboot). So a backend must never guess:
//   - status() returns a state only when the device stated it; anything else (no
//     answer, garbage, an "unknown" state) is an Error, never kOn or kOff;
//   - power_off()/power_on() return once the device accepted the request; throw when it
//     refused or did not answer. They need not wait for the new state.
// Every call gets the action's deadline, and passes it (or a tighter one) to each
// exec::run or network wait, so a hung device fails in time instead of hanging.
//
// Writing a backend (see null_device.cc for a complete one):
//
//   class AcmePdu final : public fence::Device {
//    public:
//     explicit AcmePdu(const fence::Options& options)   // read & check options here;
//         : ip_(options.str("ip")), community_(options.str("community")) {}  // kBadConfig
//     fence::Capabilities capabilities() const override { return {.list = true}; }
//     std::vector<fence::Plug> list(const exec::Deadline& d) override { ...walk names... }
//     fence::PowerState status(const std::string& plug, const exec::Deadline& d) override {
//       const int raw = snmp_get(outlet_state_oid(plug), d);        // throws on no answer
//       if (raw == 1) return fence::PowerState::kOn;
//       if (raw == 2) return fence::PowerState::kOff;
//       throw fence::Error(fence::ErrorKind::kFailed, cat("outlet ", plug, " state ", raw));
//     }
//     void power_off(const std::string& plug, const exec::Deadline& d) override { ... }
//     void power_on(const std::string& plug, const exec::Deadline& d) override { ... }
//     void check(const exec::Deadline& d) override { snmp_get(sys_object_id, d); }
//   };
//
// and register it with a DeviceSpec (device_spec.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exec/deadline.h"

namespace hakit::fence {

enum class PowerState { kOn, kOff };

/// "ON" / "OFF", as list-status and the status action print them.
std::string_view power_state_name(PowerState state);

/// One thing the device can fence: an outlet, a blade, a host.
struct Plug {
  std::string id;     ///< what `plug=` takes: "3", "node1"
  std::string alias;  ///< the device's name for it ("web1" on outlet 3); may be empty
  std::optional<PowerState> state{};  ///< filled by list_status()
};

struct Capabilities {
  /// list() enumerates targets: the list/list-status actions, Pacemaker's dynamic list,
  /// the external plugin's gethosts.
  bool list = false;
  /// power_cycle() exists: one hardware reset (IPMI "power cycle", rackpdu's reset). Used
  /// for reboot only where the configuration asks (method=cycle) or the device confirms
  /// it itself, since an off in between cannot be read back.
  bool cycle = false;
  /// The request itself is the confirmation (an operator's word, the null device): each
  /// power call returns only once the target is confirmed in the requested state, and
  /// nothing is read back. status() may then be unsupported.
  bool self_confirming = false;
  /// How long one request may legitimately take beyond an ordinary command (meatware's
  /// wait for the operator): added to the action's deadline.
  exec::Millis longest_request{0};
};

class Device {
 public:
  virtual ~Device() = default;

  virtual Capabilities capabilities() const = 0;

  /// The one machine this device powers, for a device that powers only one (an IPMI BMC):
  /// what an action given no plug and no nodename acts on. Default: nullopt, an action
  /// must name its target.
  virtual std::optional<std::string> sole_target() const;

  /// The targets this device controls. Default: Error(kUnsupported).
  virtual std::vector<Plug> list(const exec::Deadline& deadline);
  /// list() with each state filled. Default: status() of each plug; override when the
  /// device reads them all at once.
  virtual std::vector<Plug> list_status(const exec::Deadline& deadline);

  /// The target's power state as the device reports it (see above: never a guess).
  virtual PowerState status(const std::string& plug, const exec::Deadline& deadline) = 0;
  virtual void power_on(const std::string& plug, const exec::Deadline& deadline) = 0;
  virtual void power_off(const std::string& plug, const exec::Deadline& deadline) = 0;
  /// Default: Error(kUnsupported).
  virtual void power_cycle(const std::string& plug, const exec::Deadline& deadline);

  /// The device answers and accepts our credentials (monitor; the external plugin's
  /// status). Throws Error(kUnreachable / kAccess / ...) otherwise.
  virtual void check(const exec::Deadline& deadline) = 0;
};

}  // namespace hakit::fence
