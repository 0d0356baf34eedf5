// Node attributes written through attrd only when attrd needs to hear them. A monitor that
// re-sends an unchanged value costs a Pacemaker tool's start-up (about 8 ms of CPU for
// attrd_updater) and proves nothing; instead each resource remembers, in a state file,
// what it last gave attrd and which attrd (pid + start time) accepted it, and skips the
// update while that same attrd still runs — attrd keeps transient attributes in memory,
// re-writes them to the CIB itself (CIB replaced, node rejoined) and loses them only by
// restarting. A refresh every few minutes repairs what attrd cannot know about (an
// administrator deleting the attribute); a node without a local attrd (pacemaker_remote)
// always sends.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "exec/deadline.h"
#include "ocf/attrd_instance.h"
#include "ocf/node_attribute.h"

namespace hakit::ocf {

using Seconds = std::chrono::seconds;

/// Re-send at least this often even to the same attrd.
inline constexpr Seconds kAttrdRefreshInterval{300};

/// Why an update goes to attrd this time; kHeld: it does not, attrd holds it already.
enum class SendReason { kHeld, kNoRecord, kChanged, kNewAttrd, kRefresh };
std::string_view describe(SendReason reason);

/// What a resource last gave attrd, and which attrd accepted it.
struct AttrdRecord {
  std::string update;  ///< every part of the update attrd keeps (see update_text)
  ProcessRun attrd;
  Seconds sent_at{0};  ///< CLOCK_BOOTTIME

  /// "attrd=PID START_TICKS\nsent_at=SECONDS\n\n" then the update text.
  std::string serialize() const;
  /// nullopt for anything malformed (the update is then sent again).
  static std::optional<AttrdRecord> parse(std::string_view text);

  bool operator==(const AttrdRecord&) const = default;
};

/// The decision alone. `same_attrd`: the record's attrd still runs.
SendReason send_reason(const std::optional<AttrdRecord>& record, std::string_view update,
                       bool same_attrd, Seconds now, Seconds refresh_every);

/// The text that identifies an AttributeUpdate in a record: name, value, dampening, node
/// and set (not -U/-B: both leave attrd holding the same value and dampening).
std::string update_text(const AttributeUpdate& update);

/// One resource's record, in a state file (never through a symbolic link, mode 0600).
class AttrdMemo {
 public:
  /// `proc`: where /proc is (tests give a captured copy).
  explicit AttrdMemo(std::string path, Seconds refresh_every = kAttrdRefreshInterval,
                     std::string proc = "/proc");

  /// Calls `send` unless attrd holds `update` already; then records it with the attrd that
  /// ran before `send` (if attrd restarts meanwhile, the record names the old one, so the
  /// next call sends again). The record is dropped before `send`, so that a failed send is
  /// never taken for a held one. Returns why it sent (kHeld: it did not).
  SendReason send_unless_held(const std::string& update, const std::function<void()>& send) const;
  /// Drops the record: the next send_unless_held sends (start, stop, an attribute changed
  /// behind the memo's back).
  void forget() const;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  Seconds refresh_every_;
  std::string proc_;
};

/// update_node_attribute, unless `memo` shows attrd holds this update already.
SendReason update_node_attribute(const AttributeUpdate& update, const AttrdMemo& memo,
                                 const exec::Deadline& deadline);

}  // namespace hakit::ocf
