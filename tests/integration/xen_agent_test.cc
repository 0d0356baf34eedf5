// ocf:hakit:Xen on the lab's libvirtd + qemu hosts (hypervisor=qemu+unix://...): an xm
// and an xl config file each start a domain, a malformed file is refused with its line,
// the domain live-migrates between the two hosts with Pacemaker's migrate_to /
// migrate_from environment, and monitor and stop answer while libvirtd is down or hung.
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

namespace {

// The seeds' vm01.cfg style in xm (Python) syntax, diskless so that it boots nowhere.
constexpr const char* kXmConfig = R"(# xm syntax: to xm this file is Python
name = "hakit-xen-xm"
builder = 'hvm'
memory = 64
vcpus = 1
acpi = 1
boot = "c"
on_poweroff = 'destroy'
on_reboot   = 'restart'
on_crash    = 'destroy'
)";

// xl.cfg(5) syntax, with a vif on a Xen bridge this host does not have.
constexpr const char* kXlConfig = R"(# xl syntax
name = "hakit-xen-xl"
type = "hvm"
memory = 64
maxmem = 64
vcpus = 1
serial = "pty"
vif = [ "mac=00:16:3e:20:00:01,bridge=xenbr0,model=e1000" ]
on_crash = "destroy"
)";

constexpr const char* kMalformedConfig =
    "name = \"broken\"\nmemory = 64\n"
    "disk = [ 'phy:/dev/vg/lv,xvda,w'\nvcpus = = 2\n";

}  // namespace

TEST_CASE("Xen starts xm and xl config files on the qemu driver and migrates them", "[virt][xen]") {
  if (!vm_test::has_root()) return;
  const lab::TempDir dir("xen-agent");
  const lab::LibvirtHost host1(dir / "host1", 1);
  const lab::LibvirtHost host2(dir / "host2", 2);
  const auto [config, name] = GENERATE(std::make_pair(kXmConfig, "hakit-xen-xm"),
                                       std::make_pair(kXlConfig, "hakit-xen-xl"));
  const std::string xmfile = dir / "guest.cfg";
  vm_test::write_file(xmfile, config);
  const VmResource on1("Xen", {{"xmfile", xmfile}, {"hypervisor", host1.uri()}});
  const VmResource on2("Xen", {{"xmfile", xmfile}, {"hypervisor", host2.uri()}});

  CHECK(on1.run("validate-all").code == kOcfSuccess);
  CHECK(on1.run("monitor").code == kOcfNotRunning);
  REQUIRE(on1.run("start").code == kOcfSuccess);
  CHECK(host1.domstate(name) == "running");
  CHECK(on1.run("monitor").code == kOcfSuccess);
  // Transient: libvirt holds no definition, and the user's file is untouched.
  CHECK(host1.virsh({"list", "--all", "--persistent", "--name"}).find(name) == std::string::npos);
  CHECK(vm_test::read_whole(xmfile) == config);

  Env to2 = migration_env("node1", "node2");
  to2["OCF_RESKEY_remoteuri"] = host2.uri();
  REQUIRE(on1.run("migrate_to", to2).code == kOcfSuccess);
  CHECK(on2.run("migrate_from", migration_env("node1", "node2")).code == kOcfSuccess);
  CHECK(host1.domstate(name).empty());
  CHECK(host2.domstate(name) == "running");
  CHECK(on2.run("monitor").code == kOcfSuccess);
  CHECK(on1.run("monitor").code == kOcfNotRunning);

  // shutdown_timeout bounds the graceful part; the guest ignores it and is destroyed.
  const auto stopped = on2.run("stop", {{"OCF_RESKEY_shutdown_timeout", "2"}});
  CHECK(stopped.code == kOcfSuccess);
  CHECK(stopped.err.find("destroying it") != std::string::npos);
  CHECK(host2.domstate(name).empty());
  CHECK(on2.run("stop").code == kOcfSuccess);
}

// The Xen agent's own path through the shared engine (its xm config, its shutdown_timeout):
// a libvirtd that answers nothing or is not there leaves monitor and stop to the process
// table, start fails in time.
TEST_CASE("Xen answers correctly while libvirtd is down or hung", "[virt][xen][faults]") {
  if (!vm_test::has_root()) return;
  using namespace std::chrono_literals;
  const lab::TempDir dir("xen-libvirtd-down");
  lab::LibvirtHost host(dir / "host1", 1);
  const std::string name = "hakit-xen-xm";
  const std::string xmfile = dir / "guest.cfg";
  vm_test::write_file(xmfile, kXmConfig);
  const VmResource vm("Xen", {{"xmfile", xmfile}, {"hypervisor", host.uri()}});

  host.freeze_daemon();
  const auto start = vm_test::require_failure_in_time(vm, "start", {}, 30s);
  CHECK(start.code == kOcfGeneric);
  CHECK(start.exit_reason().find(host.uri()) != std::string::npos);
  CHECK(vm.run("monitor").code == kOcfNotRunning);
  host.thaw_daemon();
  CHECK(host.domstate(name).empty());

  REQUIRE(vm.run("start").code == kOcfSuccess);
  const auto emulators = host.emulator_pids();
  REQUIRE(emulators.size() == 1);

  host.freeze_daemon();  // hung: accepts connections, answers nothing
  const auto hung = vm.run("monitor", {{"OCF_RESKEY_CRM_meta_interval", "10000"}});
  CHECK(hung.code == kOcfSuccess);
  CHECK(hung.err.find("is running (emulator PID") != std::string::npos);
  // Stop while hung: no answer within the connect budget, then the emulator is killed.
  const auto stop_hung = vm.run("stop", {{"OCF_RESKEY_CRM_meta_timeout", "30000"}});
  CHECK(stop_hung.code == kOcfSuccess);
  CHECK(stop_hung.err.find("killing the emulator") != std::string::npos);
  CHECK(vm.run("monitor").code == kOcfNotRunning);
  host.thaw_daemon();
  CHECK(host.domstate(name).empty());
  CHECK(vm.run("monitor").code == kOcfNotRunning);

  REQUIRE(vm.run("start").code == kOcfSuccess);
  vm_test::stop_while_libvirtd_down(host, vm, name, {{"OCF_RESKEY_shutdown_timeout", "2"}});
}

TEST_CASE("Xen refuses a malformed config file with ERR_CONFIGURED and the line", "[virt][xen]") {
  const lab::TempDir dir("xen-malformed");
  const std::string xmfile = dir / "broken.cfg";
  vm_test::write_file(xmfile, kMalformedConfig);
  const VmResource vm("Xen", {{"xmfile", xmfile}, {"hypervisor", "qemu:///system"}});
  for (const char* action : {"validate-all", "start"}) {
    const auto result = vm.run(action);
    CHECK(result.code == kOcfConfigured);
    CHECK(result.exit_reason().starts_with(xmfile + ":4: "));
  }
  // A node without the file: stop succeeds, a probe says not running.
  const VmResource absent("Xen",
                          {{"xmfile", dir / "absent.cfg"}, {"hypervisor", "qemu:///system"}});
  CHECK(absent.run("stop").code == kOcfSuccess);
  CHECK(absent.run("monitor").code == kOcfNotRunning);
}

// allow_mem_management on qemu: libvirt's qemu driver balloons a running guest through its
// virtio balloon, as Xen's does. What qemu cannot show here is the guest giving the memory
// back (these guests run no OS, no balloon driver), so the test reads what libvirt accepted:
// the agent's request per domain, and its refusal for a guest without a balloon device.
TEST_CASE("Xen allow_mem_management balloons the other domains down for a start",
          "[virt][xen][memory]") {
  if (!vm_test::has_root()) return;
  const lab::TempDir dir("xen-memory");
  const lab::LibvirtHost host(dir / "host1", 1);
  std::string ballooned = lab::lab_domain_xml("hakit-xen-ballooned");
  ballooned.replace(ballooned.find("<memballoon model='none'/>"), 26,
                    "<memballoon model='virtio'/>");
  ballooned.replace(ballooned.find("64</memory>"), 2, "128");
  vm_test::write_file(dir / "ballooned.xml", ballooned);
  vm_test::write_file(dir / "fixed.xml", lab::lab_domain_xml("hakit-xen-fixed"));
  host.virsh({"create", dir / "ballooned.xml"});
  host.virsh({"create", dir / "fixed.xml"});
  const std::string xmfile = dir / "guest.cfg";
  vm_test::write_file(xmfile, kXmConfig);

  const auto validate = [&](const std::string& reserved) {
    return VmResource("Xen", {{"xmfile", xmfile},
                              {"allow_mem_management", "true"},
                              {"reserved_Dom0_memory", reserved}})
        .run("validate-all");
  };
  CHECK(validate("lots").code == kOcfConfigured);
  CHECK(validate("512").code == kOcfSuccess);

  // Dom0's reserve larger than the host: every other guest gives what it can, half at most.
  const VmResource vm("Xen", {{"xmfile", xmfile},
                              {"hypervisor", host.uri()},
                              {"allow_mem_management", "true"},
                              {"reserved_Dom0_memory", "1073741824"}});
  const auto started = vm.run("start");
  REQUIRE(started.code == kOcfSuccess);
  CHECK(started.err.find("ballooned hakit-xen-ballooned from 131072 to 65536 KiB to make room "
                         "for hakit-xen-xm") != std::string::npos);
  CHECK(started.err.find("cannot shrink hakit-xen-fixed to 32768 KiB") != std::string::npos);
  CHECK(host.domstate("hakit-xen-xm") == "running");
  CHECK(host.domstate("hakit-xen-ballooned") == "running");
  CHECK(host.domstate("hakit-xen-fixed") == "running");

  CHECK(vm.run("stop", {{"OCF_RESKEY_shutdown_timeout", "1"}}).code == kOcfSuccess);
  CHECK(host.domstate("hakit-xen-xm").empty());
  CHECK(host.domstate("hakit-xen-ballooned") == "running");
}
