// The environment Pacemaker (or ocf-tester, or `hakit run`) gives an agent:
// OCF_RESKEY_* parameters, CRM_meta_* attributes, OCF_CHECK_LEVEL, notify lists.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"

namespace hakit::ocf {

class Environment {
 public:
  using Variables = std::map<std::string, std::string, std::less<>>;

  /// Snapshot of the process environment.
  static Environment from_process();
  explicit Environment(Variables vars);

  std::optional<std::string_view> get(std::string_view name) const;
  /// OCF_RESKEY_<param>.
  std::optional<std::string_view> reskey(std::string_view param) const;
  /// OCF_RESKEY_CRM_meta_<name>, with '-' in `name` read as '_'.
  std::optional<std::string_view> meta(std::string_view name) const;
  /// Names of all OCF_RESKEY_* variables that are not CRM_meta_* (instance parameters).
  std::vector<std::string> parameter_names() const;

  /// OCF_RESOURCE_INSTANCE, "default" when unset (as ocf-shellfuncs).
  std::string resource_instance() const;
  /// OCF_RESOURCE_TYPE, or `fallback` (the agent's own name).
  std::string resource_type(std::string_view fallback) const;
  /// OCF_CHECK_LEVEL, or OCF_RESKEY_OCF_CHECK_LEVEL; 0 when unset. Throws Error(kErrConfigured)
  /// when it is not a number.
  int check_level() const;
  /// CRM_meta_timeout (milliseconds), when Pacemaker gave one.
  std::optional<exec::Millis> timeout() const;
  /// CRM_meta_interval (milliseconds), 0 when unset.
  exec::Millis interval() const;
  /// A monitor with interval 0 is a probe.
  bool is_probe() const { return interval().count() == 0; }
  /// Running as an instance of a clone (CRM_meta_clone or clone_max set).
  bool is_clone() const;
  /// CRM_meta_clone: the clone instance number, when a clone.
  std::optional<std::string_view> clone_instance() const;
  /// ocf-tester's "pretend every binary is missing" switch.
  bool fail_have_binary() const;
  /// HA_debug is set and not 0.
  bool debug() const;

  /// notify: "pre"/"post" and "start"/"stop"/"promote"/"demote".
  std::string notify_type() const;
  std::string notify_operation() const;
  /// A notify list such as "start_uname" or "active_resource", split on spaces.
  std::vector<std::string> notify_list(std::string_view key) const;

 private:
  Variables vars_;
};

/// Pacemaker's boolean spellings: yes/no, true/false, on/off, y/n, 1/0, any case.
std::optional<bool> parse_bool(std::string_view text);
/// Pacemaker time specs: "90", "90s", "500ms", "2min", "1h" (bare numbers are seconds).
std::optional<exec::Millis> parse_duration(std::string_view text);

}  // namespace hakit::ocf
