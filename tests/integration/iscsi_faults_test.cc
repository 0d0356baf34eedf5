// The iSCSI agents' tgt driver while tgtadm misbehaves (the fault harness of tests/faults/,
// here because the scene needs a real tgtd): tgtd answers the agents' read-only queries
// on its control socket, and every tgtadm the agents run hangs past the deadline, dies by
// a signal, prints garbage or 64 MiB, is missing, or exits 0 having done nothing. Each
// action must fail within its timeout, say why, and never report a change tgtd does not
// show.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "fault_harness.h"
#include "iscsi/logical_unit_agent.h"
#include "iscsi/target_agent.h"
#include "iscsi/tgtd_socket.h"
#include "iscsi_lab.h"
#include "metadata/iSCSILogicalUnit.h"
#include "metadata/iSCSITarget.h"

using namespace hakit;
using namespace hakit::faults_test;
using iscsi_test::kTargetIqn;

TEST_CASE("tgt: every action fails in time when tgtadm hangs or dies or lies",
          "[iscsi][tgt][faults]") {
  if (::geteuid() != 0) {
    WARN("skipped: tgtd needs root");
    return;
  }
  const lab::TempDir dir("iscsi-faults");
  const lab::Tgtd tgtd(dir.path());
  const std::string lun_path = iscsi_test::backing_file(dir, "lun1.img", 8);
  const std::string port = std::to_string(tgtd.control_port());

  // The scene before each run, set with the real tgtadm (the faulty runner is not yet
  // installed when a case prepares): no target, the target, or the target with LUN 1.
  enum class Scene { kEmpty, kTarget, kTargetWithLun };
  const auto scene = [&tgtd, lun_path](Scene wanted) {
    return [&tgtd, lun_path, wanted] {
      exec::run({.argv = {"tgtadm", "-C", std::to_string(tgtd.control_port()), "--lld", "iscsi",
                          "--mode", "target", "--op", "delete", "--force", "--tid", "1"}},
                exec::Deadline::in(std::chrono::seconds(10)));
      if (wanted == Scene::kEmpty) return;
      tgtd.tgtadm({"--mode", "target", "--op", "new", "--tid", "1", "--targetname", kTargetIqn});
      if (wanted == Scene::kTarget) return;
      tgtd.tgtadm({"--mode", "logicalunit", "--op", "new", "--tid", "1", "--lun", "1",
                   "--backing-store", lun_path});
    };
  };

  const std::set<int> failed{kOcfGeneric};
  const Millis timeout(30000);
  const std::string state = dir.path();
  const std::map<std::string, std::string> target = {{"implementation", "tgt"},
                                                     {"iqn", kTargetIqn},
                                                     {"tid", "1"},
                                                     {"tgt_control_port", port},
                                                     {"incoming_username", "hakituser"},
                                                     {"incoming_password", "Chap-Fault-Sec-2"}};
  const std::map<std::string, std::string> lun = {{"implementation", "tgt"},
                                                  {"target_iqn", kTargetIqn},
                                                  {"lun", "1"},
                                                  {"path", lun_path},
                                                  {"tgt_control_port", port}};
  struct Case {
    ActionCase action;
    Scene before;
  };
  Case cases[] = {
      {ocf_case("iSCSITarget tgt start with CHAP", metadata::iSCSITarget,
                make_agent<iscsi::TargetAgent>(), "start", target, failed, timeout, state),
       Scene::kEmpty},
      {ocf_case("iSCSITarget tgt stop", metadata::iSCSITarget, make_agent<iscsi::TargetAgent>(),
                "stop", target, failed, timeout, state),
       Scene::kTarget},
      {ocf_case("iSCSILogicalUnit tgt start", metadata::iSCSILogicalUnit,
                make_agent<iscsi::LogicalUnitAgent>(), "start", lun, failed, timeout, state),
       Scene::kTarget},
      {ocf_case("iSCSILogicalUnit tgt stop", metadata::iSCSILogicalUnit,
                make_agent<iscsi::LogicalUnitAgent>(), "stop", lun, failed, timeout, state),
       Scene::kTargetWithLun},
  };
  for (Case& c : cases) {
    c.action.prepare = scene(c.before);
    check_every_fault(c.action);
  }
  // The monitors ask tgtd over its socket: no process, so no fault to inject; they still
  // see the truth.
  scene(Scene::kTargetWithLun)();
  JumpingClock clock;
  FaultyRunner runner(Fault::kHang, clock);
  const exec::ScopedRunner process_seam(runner);
  for (const ActionCase& monitor :
       {ocf_case("iSCSITarget tgt monitor", metadata::iSCSITarget, make_agent<iscsi::TargetAgent>(),
                 "monitor", target, {0}, timeout, state),
        ocf_case("iSCSILogicalUnit tgt monitor", metadata::iSCSILogicalUnit,
                 make_agent<iscsi::LogicalUnitAgent>(), "monitor", lun, {0}, timeout, state)}) {
    INFO(monitor.name);
    CHECK(captured("", monitor.run).code == 0);
  }
  CHECK(runner.calls().empty());
}

TEST_CASE("tgt: out of time, the socket listing is 'no answer', never a cue to ask tgtadm",
          "[iscsi][tgt][faults]") {
  // What let a stop report success once (CI): a hung tgtadm ate the time, the check that
  // the target was gone could not even send its request, and that read as "talk to
  // tgtadm instead", whose empty answer with no time left said "no targets".
  if (::geteuid() != 0) {
    WARN("skipped: tgtd needs root");
    return;
  }
  const lab::TempDir dir("iscsi-no-time");
  const lab::Tgtd tgtd(dir.path());
  using Outcome = iscsi::TgtdAnswer::Outcome;
  const auto listed = iscsi::show_targets_over_socket(tgtd.control_port(),
                                                      exec::Deadline::in(std::chrono::seconds(10)));
  CHECK(listed.outcome == Outcome::kAnswered);
  const auto late =
      iscsi::show_targets_over_socket(tgtd.control_port(), exec::Deadline::in(Millis(0)));
  CHECK(late.outcome == Outcome::kNoAnswer);
}
