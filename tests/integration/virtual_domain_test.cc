// ocf:hakit:VirtualDomain against two real libvirtd + qemu (TCG) hosts: lifecycle with
// the domain state read back by virsh, live migration both ways and refused, and the
// faults the shell agent handles badly (libvirtd down or hung during monitor and stop,
// hung during start and migrate_to, refusing authentication, a guest that ignores ACPI,
// a domain destroyed behind the agent's back).
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "ocf/exit_status_for_tests.h"
#include "temp_dir.h"
#include "vm_agent_run.h"

using namespace hakit;
using namespace hakit::testing;
using vm_test::Env;
using vm_test::migration_env;
using vm_test::VmResource;

TEST_CASE("VirtualDomain starts, monitors, live-migrates and stops a qemu domain",
          "[virt][virtualdomain]") {
  if (!vm_test::has_root()) return;
  const lab::TempDir dir("vd-lifecycle");
  const lab::LibvirtHost host1(dir / "host1", 1);
  const lab::LibvirtHost host2(dir / "host2", 2);
  const std::string name = "hakit-vd-life";
  const std::string config = dir / "vm.xml";
  const std::string xml = lab::lab_domain_xml(name);
  vm_test::write_file(config, xml);
  const VmResource on1("VirtualDomain", {{"config", config}, {"hypervisor", host1.uri()}});
  const VmResource on2("VirtualDomain", {{"config", config}, {"hypervisor", host2.uri()}});

  CHECK(on1.run("validate-all").code == kOcfSuccess);
  CHECK(on1.run("monitor").code == kOcfNotRunning);
  REQUIRE(on1.run("start").code == kOcfSuccess);
  CHECK(host1.domstate(name) == "running");
  CHECK(on1.run("monitor").code == kOcfSuccess);
  CHECK(on1.run("start").code == kOcfSuccess);  // already running: nothing to do
  CHECK(host1.emulator_pids().size() == 1);

  SECTION("live migration to host 2 and back, with speed and downtime limits") {
    const Env to2 = {{"OCF_RESKEY_remoteuri", host2.uri()},
                     {"OCF_RESKEY_migration_speed", "100"},
                     {"OCF_RESKEY_migration_downtime", "500"}};
    Env env = migration_env("node1", "node2");
    env.insert(to2.begin(), to2.end());
    REQUIRE(on1.run("migrate_to", env).code == kOcfSuccess);
    CHECK(on2.run("migrate_from", migration_env("node1", "node2")).code == kOcfSuccess);
    CHECK(host1.domstate(name).empty());
    CHECK(host2.domstate(name) == "running");
    CHECK(on2.run("monitor").code == kOcfSuccess);
    CHECK(on1.run("monitor").code == kOcfNotRunning);

    Env back = migration_env("node2", "node1");
    back["OCF_RESKEY_remoteuri"] = host1.uri();
    REQUIRE(on2.run("migrate_to", back).code == kOcfSuccess);
    CHECK(on1.run("migrate_from", migration_env("node2", "node1")).code == kOcfSuccess);
    CHECK(host1.domstate(name) == "running");
    CHECK(host2.domstate(name).empty());
  }

  SECTION("a migration the target refuses fails honestly and leaves the domain running") {
    Env same = migration_env("node1", "node2");
    same["OCF_RESKEY_remoteuri"] = host1.uri();  // the source itself: libvirt refuses
    const auto refused = on1.run("migrate_to", same);
    CHECK(refused.code == kOcfGeneric);
    CHECK(refused.exit_reason().find("same host") != std::string::npos);

    Env nowhere = migration_env("node1", "node2");
    nowhere["OCF_RESKEY_remoteuri"] = "qemu+unix:///system?socket=" + (dir / "no-such-socket");
    const auto unreachable = on1.run("migrate_to", nowhere);
    CHECK(unreachable.code == kOcfGeneric);
    CHECK(unreachable.exit_reason().find("no-such-socket") != std::string::npos);
    CHECK(host1.domstate(name) == "running");
    CHECK(host2.domstate(name).empty());
  }

  SECTION("migrate_from fails when the domain did not arrive") {
    CHECK(on2.run("migrate_from", {{"OCF_RESKEY_CRM_meta_timeout", "3000"}}).code == kOcfGeneric);
  }

  // The lab guest has no OS to handle the ACPI request: stop must destroy it in time.
  const auto stopped = on1.run("stop", {{"OCF_RESKEY_CRM_meta_timeout", "12000"}});
  CHECK(stopped.code == kOcfSuccess);
  CHECK(stopped.err.find("did not shut down in time: destroying it") != std::string::npos);
  CHECK(host1.domstate(name).empty());
  CHECK(host1.emulator_pids().empty());
  CHECK(on1.run("monitor").code == kOcfNotRunning);
  CHECK(on1.run("stop").code == kOcfSuccess);
  // Never undefined, never rewritten: the user's config is as it was.
  CHECK(vm_test::read_whole(config) == xml);
}

TEST_CASE("VirtualDomain monitors a domain of the local libvirtd without loading libvirt",
          "[virt][virtualdomain]") {
  if (!vm_test::has_root()) return;
  const lab::TempDir dir("vd-no-libvirt");
  const lab::LibvirtHost host(dir / "host1", 1);
  const std::string name = "hakit-vd-nolib";
  const std::string config = dir / "vm.xml";
  vm_test::write_file(config, lab::lab_domain_xml(name));
  const VmResource vm("VirtualDomain", {{"config", config}, {"hypervisor", host.uri()}});
  const vm_test::Env state = {{"HA_RSCTMP", dir / "rsctmp"}};
  vm_test::Env recurring = state;
  recurring["OCF_RESKEY_CRM_meta_interval"] = "10000";
  REQUIRE(::mkdir((dir / "rsctmp").c_str(), 0700) == 0);

  // The monitor asks libvirtd over its socket (lib/virt/local_daemon.h) and reads the domain's
  // name from what an earlier action remembered (domain_name_memo.h): with libvirt.so and
  // libxml2 unloadable it still tells a running domain and a stopped one.
  REQUIRE(vm.run("monitor", state).code == kOcfNotRunning);
  REQUIRE(vm.run("start", state).code == kOcfSuccess);
  CHECK(vm.run_without_libvirt("monitor", recurring).code == kOcfSuccess);
  CHECK(vm.run_without_libvirt("monitor", state).code == kOcfSuccess);
  host.virsh({"destroy", name});
  CHECK(vm.run_without_libvirt("monitor", state).code == kOcfNotRunning);

  // What does need them says so: the resource cannot run on this node.
  const auto start = vm.run_without_libvirt("start", state);
  CHECK(start.code == 5);
  CHECK(start.exit_reason().find("install libvirt's client library") != std::string::npos);
  CHECK(host.domstate(name).empty());
  // A changed config file is read again, which needs libxml2.
  vm_test::write_file(config, lab::lab_domain_xml(name) + "\n");
  const auto changed = vm.run_without_libvirt("monitor", recurring);
  CHECK(changed.code == 5);
  CHECK(changed.exit_reason().find("install libxml2") != std::string::npos);
}

TEST_CASE("VirtualDomain answers correctly while libvirtd is down or hung",
          "[virt][virtualdomain][faults]") {
  if (!vm_test::has_root()) return;
  const lab::TempDir dir("vd-libvirtd-down");
  lab::LibvirtHost host(dir / "host1", 1);
  const std::string name = "hakit-vd-down";
  const std::string config = dir / "vm.xml";
  vm_test::write_file(config, lab::lab_domain_xml(name));
  const VmResource vm("VirtualDomain", {{"config", config}, {"hypervisor", host.uri()}});
  REQUIRE(vm.run("start").code == kOcfSuccess);
  const auto emulators = host.emulator_pids();
  REQUIRE(emulators.size() == 1);

  host.freeze_daemon();  // hung: accepts connections, answers nothing
  CHECK(vm.run("monitor").code == kOcfSuccess);
  host.thaw_daemon();

  vm_test::stop_while_libvirtd_down(host, vm, name);
}

// Actions that cannot fall back on the process table (start, migrate_to) against a libvirtd
// that accepts connections but answers nothing, on either end of a migration.
TEST_CASE("VirtualDomain start and migrate_to fail in time against a hung libvirtd",
          "[virt][virtualdomain][faults]") {
  if (!vm_test::has_root()) return;
  using namespace std::chrono_literals;
  const lab::TempDir dir("vd-libvirtd-hung");
  lab::LibvirtHost host1(dir / "host1", 1);
  lab::LibvirtHost host2(dir / "host2", 2);
  const std::string name = "hakit-vd-hung";
  const std::string config = dir / "vm.xml";
  vm_test::write_file(config, lab::lab_domain_xml(name));
  const VmResource vm("VirtualDomain", {{"config", config}, {"hypervisor", host1.uri()}});

  host1.freeze_daemon();
  const auto start = vm_test::require_failure_in_time(vm, "start", {}, 30s);
  CHECK(start.code == kOcfGeneric);
  CHECK(start.exit_reason().find(host1.uri()) != std::string::npos);
  host1.thaw_daemon();
  CHECK(host1.domstate(name).empty());  // the request never reached it

  REQUIRE(vm.run("start").code == kOcfSuccess);
  Env to2 = migration_env("node1", "node2");
  to2["OCF_RESKEY_remoteuri"] = host2.uri();

  host2.freeze_daemon();  // the target hangs
  const auto target_hung = vm_test::require_failure_in_time(vm, "migrate_to", to2, 30s);
  CHECK(target_hung.code == kOcfGeneric);
  CHECK(target_hung.exit_reason().find(host2.uri()) != std::string::npos);
  host2.thaw_daemon();
  CHECK(host1.domstate(name) == "running");
  CHECK(host2.domstate(name).empty());

  host1.freeze_daemon();  // the source hangs
  const auto source_hung = vm_test::require_failure_in_time(vm, "migrate_to", to2, 30s);
  CHECK(source_hung.code == kOcfGeneric);
  CHECK(source_hung.exit_reason().find(host1.uri()) != std::string::npos);
  host1.thaw_daemon();
  CHECK(host1.domstate(name) == "running");
  CHECK(host2.domstate(name).empty());

  CHECK(vm.run("stop", {{"OCF_RESKEY_CRM_meta_timeout", "12000"}}).code == kOcfSuccess);
  CHECK(host1.domstate(name).empty());
}

// libvirtd requires SASL credentials the agent has not got (it connects without an
// authentication callback): the actions that need libvirt fail saying so, the monitor and
// stop answer from the process table as they do while libvirtd is down.
TEST_CASE("VirtualDomain against a libvirtd that refuses it authentication",
          "[virt][virtualdomain][faults]") {
  if (!vm_test::has_root()) return;
  using namespace std::chrono_literals;
  const lab::TempDir dir("vd-libvirtd-auth");
  lab::LibvirtHost host(dir / "host1", 1);
  const std::string name = "hakit-vd-auth";
  const std::string config = dir / "vm.xml";
  vm_test::write_file(config, lab::lab_domain_xml(name));
  // libvirt's client leaks on this path (cmake/sanitizer_defaults.cc): the slow unwinder
  // finds the frame that suppresses it. Without sanitizers, nothing reads this.
  const Env unwind = {{"ASAN_OPTIONS", "fast_unwind_on_malloc=0"}};
  const VmResource vm("VirtualDomain", {{"config", config}, {"hypervisor", host.uri()}});
  const std::string other_config = dir / "other.xml";
  vm_test::write_file(other_config, lab::lab_domain_xml("hakit-vd-auth-other"));
  const VmResource other("VirtualDomain", {{"config", other_config}, {"hypervisor", host.uri()}});
  REQUIRE(vm.run("start").code == kOcfSuccess);
  const auto emulators = host.emulator_pids();
  REQUIRE(emulators.size() == 1);

  host.require_authentication();
  CHECK(::kill(emulators[0], 0) == 0);
  const auto start = vm_test::require_failure_in_time(other, "start", unwind, 30s);
  CHECK(start.code == kOcfGeneric);
  CHECK(start.exit_reason().find("authentication failed") != std::string::npos);
  CHECK(host.emulator_pids().size() == 1);  // nothing started

  Env migration = migration_env("node1", "node2");
  migration.insert(unwind.begin(), unwind.end());
  const auto migrate = vm_test::require_failure_in_time(vm, "migrate_to", migration, 30s);
  CHECK(migrate.code == kOcfGeneric);
  CHECK(migrate.exit_reason().find("authentication failed") != std::string::npos);

  CHECK(other.run("monitor", unwind).code == kOcfNotRunning);
  const auto monitor = vm.run("monitor", unwind);
  CHECK(monitor.code == kOcfSuccess);
  CHECK(monitor.err.find("authentication failed") != std::string::npos);
  CHECK(monitor.err.find("is running (emulator PID") != std::string::npos);

  const auto stop = vm.run("stop", unwind);
  CHECK(stop.code == kOcfSuccess);
  CHECK(stop.err.find("killing the emulator") != std::string::npos);
  CHECK(vm.run("monitor", unwind).code == kOcfNotRunning);
}

TEST_CASE("VirtualDomain reports a domain destroyed behind its back and stops what never ran",
          "[virt][virtualdomain][faults]") {
  if (!vm_test::has_root()) return;
  const lab::TempDir dir("vd-behind");
  const lab::LibvirtHost host(dir / "host1", 1);
  const std::string name = "hakit-vd-behind";
  const std::string config = dir / "vm.xml";
  vm_test::write_file(config, lab::lab_domain_xml(name));
  const VmResource vm("VirtualDomain",
                      {{"config", config}, {"hypervisor", host.uri()}, {"force_stop", "true"}});

  // Never started, and a start that failed (an emulator that does not exist): stop succeeds.
  CHECK(vm.run("stop").code == kOcfSuccess);
  const std::string broken = dir / "broken.xml";
  std::string bad_xml = lab::lab_domain_xml("hakit-vd-broken");
  bad_xml.replace(bad_xml.find("/usr/bin/qemu-system-x86_64"), 27,
                  "/nonexistent/qemu-system-x86_64");
  vm_test::write_file(broken, bad_xml);
  const VmResource failing("VirtualDomain", {{"config", broken}, {"hypervisor", host.uri()}});
  CHECK(failing.run("start").code == kOcfGeneric);
  CHECK(failing.run("stop").code == kOcfSuccess);
  // A node without the config file: stop succeeds, a probe says not running.
  const VmResource missing("VirtualDomain",
                           {{"config", dir / "absent.xml"}, {"hypervisor", host.uri()}});
  CHECK(missing.run("stop").code == kOcfSuccess);
  CHECK(missing.run("monitor").code == kOcfNotRunning);
  CHECK(missing.run("validate-all").code == 5);

  REQUIRE(vm.run("start").code == kOcfSuccess);
  host.virsh({"destroy", name});
  CHECK(vm.run("monitor").code == kOcfNotRunning);
  CHECK(vm.run("monitor", {{"OCF_RESKEY_CRM_meta_interval", "10000"}}).code == kOcfNotRunning);

  REQUIRE(vm.run("start").code == kOcfSuccess);
  const auto forced = vm.run("stop");  // force_stop: destroy without asking the guest
  CHECK(forced.code == kOcfSuccess);
  CHECK(forced.err.find("force_stop") != std::string::npos);
  CHECK(host.domstate(name).empty());
}

TEST_CASE("VirtualDomain rejects bad parameters with ERR_CONFIGURED", "[virt][virtualdomain]") {
  const lab::TempDir dir("vd-config");
  const std::string config = dir / "vm.xml";
  vm_test::write_file(config, lab::lab_domain_xml("hakit-vd-config"));
  const auto validate = [&](const Env& params) {
    return VmResource("VirtualDomain", params).run("validate-all");
  };
  CHECK(validate({{"config", config}, {"force_stop", "1"}, {"snapshot", dir.path()}}).code ==
        kOcfConfigured);
  CHECK(validate({{"config", config}, {"shutdown_mode", "poweroff"}}).code == kOcfConfigured);
  CHECK(validate({{"config", config}, {"migrate_options", "--bogus"}}).code == kOcfConfigured);
  CHECK(validate({{"config", config}, {"stateless", "true"}}).code == kOcfConfigured);
  CHECK(validate({{"config", "relative.xml"}}).code == kOcfConfigured);
  vm_test::write_file(dir / "not-a-domain.xml", "<network><name>x</name></network>");
  const auto not_domain = validate({{"config", dir / "not-a-domain.xml"}});
  CHECK(not_domain.code == kOcfConfigured);
  CHECK(not_domain.exit_reason().find("not-a-domain.xml") != std::string::npos);
}
