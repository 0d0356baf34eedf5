// A fencing action's options, typed and defaulted from the agent's meta-data, from
// whichever front the action came through:
//   - stdin `key=value` lines from Pacemaker's fencer (fencing.py's rules: blank lines and
//     `#` comments skipped, surrounding double quotes stripped, '-' and '_' equivalent in
//     names, the last value wins, unknown keys ignored: the fronts log them at debug level);
//   - command-line flags (the fence agent front maps its CLI11 flags onto set());
//   - the environment of a cluster-glue external plugin, through the device's legacy names.
// Aliases resolve to the current name (ipaddr->ip, login->username, passwd->password,
// port->plug). `nodename` is always accepted: Pacemaker sends it to every agent.
//
// Secrets: an option whose name contains "passw", or is "community" or "hexadecimal_kg",
// is a secret. Its value never appears in describe(), in a log line at any level, or in
// an Error message, and device code hands it to programs on stdin (exec::Command::input)
// or in a file, never on argv.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exec/deadline.h"
#include "fence/metadata.h"

namespace hakit::fence {

/// Whether option `name` holds a secret (see above).
bool is_secret(std::string_view name);

class Options {
 public:
  explicit Options(const FenceMetadata& metadata);

  /// Parses fence-agent stdin text and set()s each line.
  static Options from_stdin(const FenceMetadata& metadata, std::string_view text);

  /// Sets `name` (or the option it is an alias of) to `value`; later calls win. An
  /// undeclared name is ignored and remembered in ignored(), except `nodename`. Boolean options
  /// take fencing.py's spellings (1/yes/on/true, 0/no/off/false); another value is
  /// ignored with a warning, as fencing.py does.
  void set(std::string_view name, std::string value);

  /// Throws Error(kBadConfig) naming the option when a required one is unset: run by the
  /// fronts before any action but metadata.
  void check_required() const;

  const FenceMetadata& metadata() const { return *metadata_; }
  /// Whether the meta-data declares `name` (or it is an alias of a declared option).
  bool declares(std::string_view name) const;
  /// Set explicitly (and non-empty), as opposed to defaulted.
  bool is_set(std::string_view name) const;

  // Typed access to a declared option: the value set, else the meta-data default, else
  // empty / false / 0. Asking for an undeclared option is a programming error
  // (std::logic_error). A malformed number throws Error(kBadConfig) naming the option.
  const std::string& str(std::string_view name) const;
  bool flag(std::string_view name) const;
  long long integer(std::string_view name) const;
  /// A `second` option: "20", "2.5" (seconds, fractions allowed).
  exec::Millis seconds(std::string_view name) const;

  /// A secret: the value of `name`, else the first line of what `<name>_script`
  /// prints (run by argv, split on blanks, no shell, within `deadline`), else nullopt.
  /// Throws Error(kBadConfig) when the script fails.
  std::optional<std::string> secret(std::string_view name, const exec::Deadline& deadline) const;

  /// The target: `plug` (or its alias `port`), else `nodename`. Throws Error(kBadConfig)
  /// when neither is set.
  std::string target() const;
  /// The node Pacemaker is fencing (`nodename`), if it said.
  std::optional<std::string> nodename() const;

  /// "ip=10.0.0.1 password=<hidden> plug=3": every set option, secrets masked, for logs.
  std::string describe() const;
  /// The undeclared names set() ignored, in order (names only: a value may be a secret).
  const std::vector<std::string>& ignored() const { return ignored_; }

 private:
  const OptionSpec& spec(std::string_view name) const;
  const FenceMetadata* metadata_;
  std::map<std::string, std::string, std::less<>> values_;    ///< by current name
  std::map<std::string, std::string, std::less<>> defaults_;  ///< from the meta-data
  std::optional<std::string> nodename_;
  std::vector<std::string> ignored_;
};

}  // namespace hakit::fence
