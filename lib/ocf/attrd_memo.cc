#include "ocf/attrd_memo.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>

#include "ocf/log.h"
#include "util/state_file.h"
#include "util/strings.h"

namespace hakit::ocf {
namespace {

Seconds boot_clock() {
  timespec now{};
  ::clock_gettime(CLOCK_BOOTTIME, &now);
  return Seconds(now.tv_sec);
}

template <typename Number>
bool parse_number(std::string_view text, Number& number) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string_view describe(SendReason reason) {
  switch (reason) {
    case SendReason::kHeld:
      return "attrd holds it already";
    case SendReason::kNoRecord:
      return "not sent before";
    case SendReason::kChanged:
      return "changed";
    case SendReason::kNewAttrd:
      return "attrd restarted since it was sent";
    case SendReason::kRefresh:
      return "periodic refresh";
  }
  return "unknown";
}

std::string AttrdRecord::serialize() const {
  return cat("attrd=", attrd.pid, " ", attrd.start_ticks, "\nsent_at=", sent_at.count(), "\n\n",
             update);
}

std::optional<AttrdRecord> AttrdRecord::parse(std::string_view text) {
  const auto header_end = text.find("\n\n");
  if (header_end == std::string_view::npos) return std::nullopt;
  AttrdRecord record{.update = std::string(text.substr(header_end + 2)), .attrd = {}};
  bool has_attrd = false, has_time = false;
  for (const std::string& line : split(text.substr(0, header_end), "\n")) {
    const auto equals = line.find('=');
    if (equals == std::string::npos) return std::nullopt;
    const std::string_view key = std::string_view(line).substr(0, equals);
    const std::string_view value = std::string_view(line).substr(equals + 1);
    if (key == "attrd") {
      const auto space = value.find(' ');
      has_attrd = space != std::string_view::npos &&
                  parse_number(value.substr(0, space), record.attrd.pid) &&
                  parse_number(value.substr(space + 1), record.attrd.start_ticks);
    } else if (key == "sent_at") {
      long long seconds = 0;
      has_time = parse_number(value, seconds);
      record.sent_at = Seconds(seconds);
    }
  }
  if (!has_attrd || !has_time) return std::nullopt;
  return record;
}

SendReason send_reason(const std::optional<AttrdRecord>& record, std::string_view update,
                       bool same_attrd, Seconds now, Seconds refresh_every) {
  if (!record) return SendReason::kNoRecord;
  if (record->update != update) return SendReason::kChanged;
  if (!same_attrd) return SendReason::kNewAttrd;
  // A clock before the record's (a record from another boot) is as stale as an old one.
  if (now < record->sent_at || now - record->sent_at >= refresh_every) return SendReason::kRefresh;
  return SendReason::kHeld;
}

std::string update_text(const AttributeUpdate& update) {
  return cat("name=", update.name, "\nvalue=", update.value,
             "\ndampen=", update.dampen.value_or(""), "\nnode=", update.node.value_or(""),
             "\nset=", update.set.value_or(""), "\n");
}

AttrdMemo::AttrdMemo(std::string path, Seconds refresh_every, std::string proc)
    : path_(std::move(path)), refresh_every_(refresh_every), proc_(std::move(proc)) {}

SendReason AttrdMemo::send_unless_held(const std::string& update,
                                       const std::function<void()>& send) const {
  std::string text;
  const std::optional<AttrdRecord> record =
      read_state_file(path_, text) ? AttrdRecord::parse(text) : std::nullopt;
  const bool same_attrd = record && attrd_still_running(record->attrd, proc_);
  const Seconds now = boot_clock();
  const SendReason reason = send_reason(record, update, same_attrd, now, refresh_every_);
  if (reason == SendReason::kHeld) return reason;

  const std::optional<ProcessRun> attrd = same_attrd ? record->attrd : running_attrd(proc_);
  if (record) forget();
  send();
  if (!attrd) return reason;  // no local attrd to vouch for it: send every time
  const std::string problem = write_state_file(path_, AttrdRecord{update, *attrd, now}.serialize());
  if (!problem.empty()) {
    log_warning(cat("cannot write ", path_, ": ", problem, " (the next monitor sends again)"));
  }
  return reason;
}

void AttrdMemo::forget() const {
  if (!remove_state_file(path_)) {
    log_warning(cat("cannot remove ", path_, ": ", std::strerror(errno)));
  }
}

SendReason update_node_attribute(const AttributeUpdate& update, const AttrdMemo& memo,
                                 const exec::Deadline& deadline) {
  return memo.send_unless_held(update_text(update),
                               [&] { update_node_attribute(update, deadline); });
}

}  // namespace hakit::ocf
