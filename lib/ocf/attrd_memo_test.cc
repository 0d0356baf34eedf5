#include "ocf/attrd_memo.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "util/scratch_dir_for_tests.h"
#include "util/strings.h"

using namespace hakit::ocf;
using hakit::cat;

namespace {

const ProcessRun kAttrd{12074, 1284965};

/// A /proc with one pacemaker-attrd, from a stat file captured on this machine
/// (Pacemaker 2.1.5), which can "restart" under a new pid.
class FakeAttrd {
 public:
  explicit FakeAttrd(const std::filesystem::path& root) : root_(root) {
    std::filesystem::create_directories(root_);
  }
  void start(pid_t pid, unsigned long long start_ticks) const {
    std::filesystem::create_directories(root_ / cat(pid));
    std::ofstream(root_ / cat(pid) / "stat")
        << pid << " (pacemaker-attrd) S 12066 12074 12074 0 -1 4194560 1197 0 1 0 0 1 0 0 20 0 1 0 "
        << start_ticks << " 70590464 3196 18446744073709551615 94870742523904 0\n";
  }
  void kill(pid_t pid) const { std::filesystem::remove_all(root_ / cat(pid)); }

 private:
  std::filesystem::path root_;
};

struct MemoFixture {
  hakit::ScratchDir scratch{"hakit-attrd-memo-test"};
  std::filesystem::path directory = scratch.path();
  std::string record_path = directory / "pingd.attrd";
  FakeAttrd attrd{directory / "proc"};
  int sent = 0;

  AttrdMemo memo(Seconds refresh_every = kAttrdRefreshInterval) const {
    return AttrdMemo(record_path, refresh_every, directory / "proc");
  }
  SendReason send(const AttrdMemo& memo, const std::string& update) {
    return memo.send_unless_held(update, [&] { ++sent; });
  }
};

}  // namespace

TEST_CASE("an attrd record round-trips through its file format", "[ocf][attrd_memo]") {
  const AttrdRecord record{"name=pingd\nvalue=200\n", kAttrd, Seconds(4711)};
  CHECK(record.serialize() == "attrd=12074 1284965\nsent_at=4711\n\nname=pingd\nvalue=200\n");
  CHECK(AttrdRecord::parse(record.serialize()) == record);
  CHECK_FALSE(AttrdRecord::parse(""));
  CHECK_FALSE(AttrdRecord::parse("12345\n"));                    // a pid, as some tools write
  CHECK_FALSE(AttrdRecord::parse("sent_at=4711\n\nvalue=1\n"));  // which attrd?
  CHECK_FALSE(AttrdRecord::parse("attrd=12074 x\nsent_at=4711\n\nvalue=1\n"));
  CHECK_FALSE(AttrdRecord::parse("attrd=12074 1284965\n\nvalue=1\n"));  // since when?
}

TEST_CASE("an update is skipped only while the attrd that took it runs, for a while",
          "[ocf][attrd_memo]") {
  const Seconds refresh(300), sent_at(1000);
  const AttrdRecord record{"value=200\n", kAttrd, sent_at};
  CHECK(send_reason(std::nullopt, "value=200\n", true, sent_at, refresh) == SendReason::kNoRecord);
  CHECK(send_reason(record, "value=200\n", true, sent_at + Seconds(10), refresh) ==
        SendReason::kHeld);
  CHECK(send_reason(record, "value=100\n", true, sent_at + Seconds(10), refresh) ==
        SendReason::kChanged);
  CHECK(send_reason(record, "value=200\n", false, sent_at + Seconds(10), refresh) ==
        SendReason::kNewAttrd);
  CHECK(send_reason(record, "value=200\n", true, sent_at + Seconds(299), refresh) ==
        SendReason::kHeld);
  CHECK(send_reason(record, "value=200\n", true, sent_at + refresh, refresh) ==
        SendReason::kRefresh);
  // A record from before a reboot (the boot clock started again).
  CHECK(send_reason(record, "value=200\n", true, Seconds(5), refresh) == SendReason::kRefresh);
}

TEST_CASE("the update text covers all that attrd keeps from an update", "[ocf][attrd_memo]") {
  const AttributeUpdate update{.name = "pingd", .value = "200", .dampen = "5000ms"};
  const std::string text = update_text(update);
  CHECK(text == "name=pingd\nvalue=200\ndampen=5000ms\nnode=\nset=\n");
  AttributeUpdate changed = update;
  changed.update_dampening = true;  // -B: attrd ends up holding the same as after -U
  CHECK(update_text(changed) == text);
  for (auto change :
       {+[](AttributeUpdate& u) { u.name = "other"; }, +[](AttributeUpdate& u) { u.value = "100"; },
        +[](AttributeUpdate& u) { u.dampen = "10000ms"; },
        +[](AttributeUpdate& u) { u.dampen.reset(); },
        +[](AttributeUpdate& u) { u.node = "node2"; },
        +[](AttributeUpdate& u) { u.set = "pingd-set"; }}) {
    changed = update;
    change(changed);
    CHECK(update_text(changed) != text);
  }
}

TEST_CASE("the memo sends what attrd does not hold and records which attrd took it",
          "[ocf][attrd_memo]") {
  MemoFixture fixture;
  fixture.attrd.start(kAttrd.pid, kAttrd.start_ticks);
  const AttrdMemo memo = fixture.memo();

  CHECK(fixture.send(memo, "value=200\n") == SendReason::kNoRecord);  // the first monitor
  CHECK(fixture.send(memo, "value=200\n") == SendReason::kHeld);      // steady state
  CHECK(fixture.send(memo, "value=200\n") == SendReason::kHeld);
  CHECK(fixture.sent == 1);
  struct stat status {};
  REQUIRE(::stat(fixture.record_path.c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);

  CHECK(fixture.send(memo, "value=100\n") == SendReason::kChanged);
  CHECK(fixture.send(memo, "value=100\n") == SendReason::kHeld);
  CHECK(fixture.sent == 2);

  SECTION("attrd restarted: sent again, then held by the new attrd") {
    fixture.attrd.kill(kAttrd.pid);
    fixture.attrd.start(12500, 1299999);
    CHECK(fixture.send(memo, "value=100\n") == SendReason::kNewAttrd);
    CHECK(fixture.send(memo, "value=100\n") == SendReason::kHeld);
    CHECK(fixture.sent == 3);
    std::string text;
    REQUIRE(hakit::read_file(fixture.record_path, text));
    CHECK(text.starts_with("attrd=12500 1299999\n"));
  }
  SECTION("attrd restarted under the same pid: the start time tells") {
    fixture.attrd.start(kAttrd.pid, kAttrd.start_ticks + 1);
    CHECK(fixture.send(memo, "value=100\n") == SendReason::kNewAttrd);
  }
  SECTION("a failed send is not taken for a held one") {
    CHECK_THROWS(memo.send_unless_held("value=300\n", [] { throw std::runtime_error("down"); }));
    CHECK(fixture.send(memo, "value=100\n") == SendReason::kNoRecord);
  }
  SECTION("forget: the next update is sent") {
    memo.forget();
    CHECK(fixture.send(memo, "value=100\n") == SendReason::kNoRecord);
    memo.forget();
    memo.forget();  // twice is fine
  }
  SECTION("the refresh re-sends even to the same attrd") {
    const AttrdMemo refreshing = fixture.memo(Seconds(0));
    CHECK(fixture.send(refreshing, "value=100\n") == SendReason::kRefresh);
    CHECK(fixture.send(refreshing, "value=100\n") == SendReason::kRefresh);
    CHECK(fixture.sent == 4);
  }
}

TEST_CASE("without a local attrd every update is sent", "[ocf][attrd_memo]") {
  MemoFixture fixture;
  const AttrdMemo memo = fixture.memo();  // no attrd in this /proc: pacemaker_remote
  CHECK(fixture.send(memo, "value=200\n") == SendReason::kNoRecord);
  CHECK(fixture.send(memo, "value=200\n") == SendReason::kNoRecord);
  CHECK(fixture.sent == 2);
  CHECK_FALSE(std::filesystem::exists(fixture.record_path));
}

TEST_CASE("a record planted as a symbolic link is neither trusted nor followed",
          "[ocf][attrd_memo]") {
  MemoFixture fixture;
  fixture.attrd.start(kAttrd.pid, kAttrd.start_ticks);
  const std::string planted = fixture.directory / "planted";
  std::ofstream(planted) << AttrdRecord{"value=200\n", kAttrd, Seconds(0)}.serialize();
  std::filesystem::create_symlink(planted, fixture.record_path);
  const AttrdMemo memo = fixture.memo(Seconds(1000000000));
  CHECK(fixture.send(memo, "value=200\n") == SendReason::kNoRecord);
  CHECK_FALSE(std::filesystem::is_symlink(fixture.record_path));
  std::string text;
  REQUIRE(hakit::read_file(planted, text));
  CHECK(text.ends_with("\n\nvalue=200\n"));  // untouched
}
