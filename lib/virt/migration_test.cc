#include "virt/migration.h"

#include <catch2/catch.hpp>

#include "ocf/error.h"

using namespace hakit::virt;

TEST_CASE("uri_for_host puts the target into the hypervisor URI", "[virt]") {
  CHECK(uri_for_host("qemu:///system", "+ssh", "root@node2") == "qemu+ssh://root@node2/system");
  CHECK(uri_for_host("qemu://node1:16509/system?no_verify=1", "", "node2") ==
        "qemu://node2:16509/system?no_verify=1");
  CHECK(uri_for_host("xen:///system", "+tcp", "10.0.0.2") == "xen+tcp://10.0.0.2/system");
  CHECK_FALSE(uri_for_host("not-a-uri", "", "node2"));
}

TEST_CASE("plan_migration derives URIs as ocf:heartbeat:VirtualDomain does", "[virt]") {
  MigrationSettings settings;
  settings.hypervisor_uri = "qemu:///system";
  settings.transport = "ssh";
  settings.user = "hauser";
  settings.network_suffix = "-mig";
  settings.migrateport = 49160;
  const auto plan = plan_migration(settings, "node2.example.com", "node2.example.com");
  CHECK(plan.remote_uri == "qemu+ssh://hauser@node2-mig.example.com/system");
  CHECK(plan.migrate_uri == "tcp:node2-mig.example.com:49160");
  CHECK(plan.flags == VIR_MIGRATE_LIVE);

  settings.remoteuri = "qemu+tls://%n.cluster/system";
  settings.migrateuri = "tcp://%n-data:49999";
  const auto explicit_plan = plan_migration(settings, "node3", "node3");
  CHECK(explicit_plan.remote_uri == "qemu+tls://node3.cluster/system");
  CHECK(explicit_plan.migrate_uri == "tcp://node3-data:49999");

  MigrationSettings by_attribute;
  by_attribute.hypervisor_uri = "xen:///system";
  CHECK(plan_migration(by_attribute, "node2", "qemu+unix:///system?socket=/x").remote_uri ==
        "qemu+unix:///system?socket=/x");
  CHECK(plan_migration(by_attribute, "node2", "192.0.2.7").remote_uri == "xen://192.0.2.7/system");
}

TEST_CASE("migration_flags maps virsh options and refuses unknown ones", "[virt]") {
  std::string uri;
  CHECK(migration_flags("--p2p --tunnelled --migrateuri=tcp:x:1 --persistent", &uri) ==
        (VIR_MIGRATE_LIVE | VIR_MIGRATE_PEER2PEER | VIR_MIGRATE_TUNNELLED |
         VIR_MIGRATE_PERSIST_DEST));
  CHECK(uri == "tcp:x:1");
  CHECK_THROWS_AS(migration_flags("--live --bogus"), hakit::ocf::Error);
}
