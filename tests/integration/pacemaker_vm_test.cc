// ocf:hakit:Xen under a real Pacemaker (one node), on a lab libvirtd + qemu host: started,
// monitored, recovered after the domain is destroyed behind the cluster's back, stopped.
// Live migration needs a second cluster node, which the lab does not have: the migration
// between the two libvirtd hosts is driven with Pacemaker's migrate_to/migrate_from
// environment in xen_agent_test.cc and virtual_domain_test.cc.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cluster.h"
#include "temp_dir.h"
#include "vm_agent_run.h"

using namespace hakit;
using namespace std::chrono_literals;

TEST_CASE("Pacemaker starts, recovers and stops ocf:hakit:Xen with allow-migrate",
          "[pacemaker][virt]") {
  if (geteuid() != 0) {
    WARN("skipped: the lab cluster and libvirtd need root");
    return;
  }
  const lab::TempDir dir("pacemaker-vm");
  const lab::LibvirtHost host(dir / "host1", 1);
  const std::string name = "hakit-pcmk-xen";
  const std::string xmfile = dir / "vm.cfg";
  vm_test::write_file(xmfile, "name = '" + name + "'\nbuilder = 'hvm'\nmemory = 64\nvcpus = 1\n");
  const lab::ProviderMount provider(HAKIT_BUILD_AGENT_DIR);
  const lab::Cluster cluster(dir / "cluster");

  const auto running = [&] {
    return cluster.resource_started("vm") && host.domstate(name) == "running";
  };

  cluster.crm({"configure",
               "primitive",
               "vm",
               "ocf:hakit:Xen",
               "params",
               "xmfile=" + xmfile,
               "hypervisor=" + host.uri(),
               "shutdown_timeout=2",
               "autoset_utilization_cpu=true",
               "autoset_utilization_hv_memory=true",
               "op",
               "monitor",
               "interval=2s",
               "timeout=30s",
               "op",
               "start",
               "timeout=60s",
               "op",
               "stop",
               "timeout=40s",
               "op",
               "migrate_to",
               "timeout=120s",
               "op",
               "migrate_from",
               "timeout=120s",
               "meta",
               "allow-migrate=true"});
  {
    const bool started = lab::wait_until(running, 90s);
    INFO(cluster.status());
    REQUIRE(started);
  }
  // Utilization from the running domain (1 vCPU, 64 MiB), as the anchor sets it.
  {
    const auto cpu = exec::run({.argv = {"crm_resource", "-r", "vm", "-z", "-g", "cpu", "-Q"}},
                               exec::Deadline::in(30s));
    CHECK(trim(cpu.out) == "1");
    const auto memory =
        exec::run({.argv = {"crm_resource", "-r", "vm", "-z", "-g", "hv_memory", "-Q"}},
                  exec::Deadline::in(30s));
    CHECK(trim(memory.out) == "64");
  }

  host.virsh({"destroy", name});  // behind the cluster's back
  {
    const bool failure_seen = lab::wait_until([&] { return cluster.fail_count("vm") >= 1; }, 60s);
    INFO(cluster.status());
    REQUIRE(failure_seen);
  }
  {
    const bool recovered = lab::wait_until(running, 90s);
    INFO(cluster.status());
    REQUIRE(recovered);
  }

  cluster.crm({"resource", "stop", "vm"});
  {
    const bool stopped = lab::wait_until(
        [&] { return !cluster.resource_started("vm") && host.domstate(name).empty(); }, 90s);
    INFO(cluster.status());
    CHECK(stopped);
  }
  CHECK(host.emulator_pids().empty());
}
