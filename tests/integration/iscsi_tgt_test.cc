// ocf:hakit:iSCSITarget and ocf:hakit:iSCSILogicalUnit with tgt, against a real tgtd and
// seen from outside by libiscsi's initiator tools: a target with two file-backed LUNs
// through start, monitor, stop and a restart, and the faults users meet.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "iscsi_lab.h"
#include "ocf/exit_status_for_tests.h"
#include "util/md5.h"

using namespace hakit;
using namespace hakit::testing;
using namespace hakit::iscsi_test;

namespace {

bool skip_unless_root() {
  if (geteuid() == 0) return false;
  WARN("skipped: tgtd needs root");
  return true;
}

}  // namespace

TEST_CASE("tgt: a target with two LUNs starts, is seen by an initiator, stops and restarts",
          "[iscsi][tgt]") {
  if (skip_unless_root()) return;
  const lab::TempDir dir("iscsi-tgt");
  const lab::Tgtd tgtd(dir.path());
  const TargetWithTwoLuns resources(dir, tgtd);
  const auto& [target, lun1, lun2] = std::tie(resources.target, resources.lun1, resources.lun2);

  for (int round = 1; round <= 2; ++round) {
    INFO("round " << round);
    CHECK(target.code("monitor") == kOcfNotRunning);
    CHECK(lun1.code("monitor") == kOcfNotRunning);
    REQUIRE(target.code("start") == 0);
    REQUIRE(lun1.code("start") == 0);
    REQUIRE(lun2.code("start") == 0);
    CHECK(target.code("monitor") == 0);
    CHECK(lun1.code("monitor") == 0);
    CHECK(lun2.code("monitor") == 0);
    CHECK(lun2.code("start") == 0);  // starting a running resource changes nothing

    // No allowed_initiators: anyone may log in (the shell agent's target refuses all).
    const std::string seen = iscsi_ls(tgtd);
    INFO(seen);
    CHECK(seen.find("Target:" + kTargetIqn) != std::string::npos);
    CHECK(seen.find("Lun:1") != std::string::npos);
    CHECK(seen.find("Lun:2") != std::string::npos);
    CHECK(lun_size(tgtd, kTargetIqn, 1) == 64LL << 20);
    CHECK(lun_size(tgtd, kTargetIqn, 2) == 32LL << 20);
    // Its identity is the shell agent's default: the first 8 hex digits of md5(name).
    CHECK(tgtd.tgtadm({"--mode", "target", "--op", "show"})
              .find("SCSI SN: " + md5_hex("iscsi_lun1").substr(0, 8)) != std::string::npos);

    CHECK(lun2.code("stop") == 0);
    CHECK(lun1.code("stop") == 0);
    CHECK(target.code("stop") == 0);
    CHECK(target.code("stop") == 0);  // stopping a stopped resource is a success
    CHECK(lun1.code("monitor") == kOcfNotRunning);
    CHECK(target.code("monitor") == kOcfNotRunning);
    const std::string after = iscsi_ls(tgtd);
    INFO(after);
    CHECK(after.find(kTargetIqn) == std::string::npos);
  }
}

TEST_CASE("tgt: without tgtd, start fails saying so and monitor says not running",
          "[iscsi][tgt][faults]") {
  if (skip_unless_root()) return;
  const lab::TempDir dir("iscsi-no-tgtd");
  lab::Tgtd tgtd(dir.path());
  TargetWithTwoLuns resources(dir, tgtd);
  tgtd.stop();
  CHECK(resources.target.code("monitor") == kOcfNotRunning);
  CHECK(resources.lun1.code("monitor") == kOcfNotRunning);
  const auto started = resources.target.run("start");
  CHECK(started.result.exit_status == 1);
  CHECK(started.exit_reason.value_or("").find(
            "tgtd (control port " + std::to_string(tgtd.control_port()) + ") is not running") !=
        std::string::npos);
  const auto lun = resources.lun1.run("start");
  CHECK(lun.result.exit_status == 1);
  CHECK(lun.exit_reason.value_or("").find("is not running") != std::string::npos);
  CHECK(resources.target.code("stop") == 0);  // nothing there, nothing to stop
}

TEST_CASE("tgt: a frozen tgtd fails monitor and stop in time and never says not running",
          "[iscsi][tgt][faults]") {
  if (skip_unless_root()) return;
  const lab::TempDir dir("iscsi-frozen-tgtd");
  const lab::Tgtd tgtd(dir.path());
  TargetWithTwoLuns resources(dir, tgtd);
  REQUIRE(resources.target.code("start") == 0);
  REQUIRE(resources.lun1.code("start") == 0);
  {
    // SIGSTOP: the control socket still accepts, the request is taken, no answer comes.
    // A tgtadm started then would wait on it too, and an empty answer read as "no
    // targets" would let Pacemaker start the target elsewhere while it still serves here.
    struct Frozen {
      pid_t pid;
      ~Frozen() { ::kill(pid, SIGCONT); }
    } frozen{tgtd.pid()};
    REQUIRE(::kill(frozen.pid, SIGSTOP) == 0);
    const exec::Millis timeout(4000);
    for (const IscsiResource* resource : {&resources.target, &resources.lun1}) {
      for (const char* action : {"monitor", "stop"}) {
        const auto run = resource->run(action, {}, timeout);
        INFO(resource->instance << " " << action << ": " << cli::describe_outcome(run));
        CHECK(run.result.exit_status == 1);
        CHECK(run.exit_reason.value_or("").find("did not list its targets in time") !=
              std::string::npos);
        CHECK(run.elapsed < timeout);
      }
    }
  }
  CHECK(resources.lun1.code("monitor") == 0);
  CHECK(resources.lun1.code("stop") == 0);
  CHECK(resources.target.code("stop") == 0);
  CHECK(resources.target.code("monitor") == kOcfNotRunning);
}

TEST_CASE("tgt: a missing backing file, a taken tid, a taken LUN and a bad IQN",
          "[iscsi][tgt][faults]") {
  if (skip_unless_root()) return;
  const lab::TempDir dir("iscsi-faults");
  const lab::Tgtd tgtd(dir.path());
  TargetWithTwoLuns resources(dir, tgtd);
  REQUIRE(resources.target.code("start") == 0);

  SECTION("backing file missing: OCF_ERR_INSTALLED naming the path") {
    IscsiResource missing = resources.lun1;
    missing.params["path"] = dir / "missing.img";
    const auto started = missing.run("start");
    CHECK(started.result.exit_status == 5);
    CHECK(started.exit_reason.value_or("") ==
          "backing store " + dir / "missing.img" + " does not exist on this node");
    CHECK(missing.code("monitor") == kOcfNotRunning);
  }
  SECTION("duplicate tid: start fails naming the target that has it, which stays") {
    IscsiResource other = resources.target;
    other.instance = "iscsi_other";
    other.params["iqn"] = "iqn.2024-01.lab.example:other";
    const auto started = other.run("start");
    CHECK(started.result.exit_status == 1);
    CHECK(started.exit_reason.value_or("").find("tid 1 is already used by target " + kTargetIqn) !=
          std::string::npos);
    CHECK(other.code("monitor") == kOcfNotRunning);
    CHECK(resources.target.code("monitor") == 0);
  }
  SECTION("a LUN backed by another path is not ours: not running, start fails, stop leaves it") {
    REQUIRE(resources.lun1.code("start") == 0);
    IscsiResource intruder = resources.lun2;
    intruder.params["lun"] = "1";
    CHECK(intruder.code("monitor") == kOcfNotRunning);
    const auto started = intruder.run("start");
    CHECK(started.result.exit_status == 1);
    CHECK(started.exit_reason.value_or("").find("is backed by " + resources.lun1_path) !=
          std::string::npos);
    CHECK(intruder.code("stop") == 0);
    CHECK(resources.lun1.code("monitor") == 0);
    CHECK(resources.lun1.code("stop") == 0);
  }
  SECTION("an IQN with invalid characters: OCF_ERR_CONFIGURED from every action") {
    IscsiResource bad = resources.target;
    bad.params["iqn"] = "iqn.2024-01.lab.example:disk 1";
    for (const char* action : {"validate-all", "start", "monitor"}) {
      const auto run = bad.run(action);
      CHECK(run.result.exit_status == 6);
      CHECK(run.exit_reason.value_or("").find("is not a valid iSCSI name: it contains ' '") !=
            std::string::npos);
    }
    IscsiResource bad_lun = resources.lun1;
    bad_lun.params["target_iqn"] = "iqn.2024-01.lab.example:disk_1";
    CHECK(bad_lun.code("start") == 6);
  }
  SECTION("LUN 0 belongs to tgtd: OCF_ERR_CONFIGURED") {
    IscsiResource zero = resources.lun1;
    zero.params["lun"] = "0";
    CHECK(zero.code("validate-all") == 6);
  }
  CHECK(resources.target.code("stop") == 0);
}

TEST_CASE("tgt: CHAP logins work with the password, which no log line shows",
          "[iscsi][tgt][chap]") {
  if (skip_unless_root()) return;
  const lab::TempDir dir("iscsi-chap");
  const lab::Tgtd tgtd(dir.path());
  TargetWithTwoLuns resources(dir, tgtd);
  const std::string password = "s3cret-chap-pass";
  resources.target.params["incoming_username"] = "hakituser";
  resources.target.params["incoming_password"] = password;
  const Params debug = {{"HA_debug", "1"}};
  const auto started = resources.target.run("start", debug);
  REQUIRE(started.result.exit_status == 0);
  CHECK(started.result.err.find("tgtadm") != std::string::npos);  // debug logged the commands
  CHECK(started.result.err.find(password) == std::string::npos);
  REQUIRE(resources.lun1.code("start") == 0);

  CHECK(iscsi_ls(tgtd).find("Lun:1") == std::string::npos);  // no credentials, no LUNs
  const std::string authorised =
      exec::run(
          {.argv = {"iscsi-ls", "-s", cat("iscsi://hakituser@127.0.0.1:", tgtd.portal_port(), "/")},
           .env = {{"LIBISCSI_CHAP_PASSWORD", password}}},
          exec::Deadline::in(std::chrono::seconds(30)))
          .out;
  INFO(authorised);
  CHECK(authorised.find("Lun:1") != std::string::npos);

  CHECK(resources.lun1.code("stop") == 0);
  const auto stopped = resources.target.run("stop", debug);
  CHECK(stopped.result.exit_status == 0);
  CHECK(tgtd.tgtadm({"--mode", "account", "--op", "show"}).find("hakituser") == std::string::npos);
}
