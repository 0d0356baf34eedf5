// The Filesystem agent under a real Pacemaker: started, monitored, recovered after an
// unmount behind the cluster's back, and stopped. One cluster start for the whole story.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "cluster.h"
#include "exec/command.h"
#include "loop_device.h"
#include "temp_dir.h"

using namespace hakit;
using namespace std::chrono_literals;

TEST_CASE("Pacemaker starts, recovers and stops ocf:hakit:Filesystem", "[pacemaker][filesystem]") {
  if (geteuid() != 0) {
    WARN("skipped: the lab cluster and mounts need root");
    return;
  }
  // Declared in the order they are needed, so they are torn down in reverse: the
  // cluster (and with it the resource) goes first, then the agents, then the disk.
  const lab::TempDir dir("pacemaker-fs");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  std::filesystem::create_directory(mount_point);
  const lab::ProviderMount provider(HAKIT_BUILD_AGENT_DIR);
  const lab::Cluster cluster(dir / "cluster");

  const auto started_and_mounted = [&] {
    return cluster.resource_started("fs") && lab::is_mounted(mount_point);
  };

  cluster.crm({"configure", "primitive", "fs", "ocf:hakit:Filesystem", "params",
               "device=" + disk.device(), "directory=" + mount_point, "fstype=ext4", "op",
               "monitor", "interval=2s", "timeout=20s"});
  {
    const bool started = lab::wait_until(started_and_mounted, 60s);
    INFO(cluster.status());
    REQUIRE(started);
  }

  // Behind the cluster's back: the next monitor must notice, and Pacemaker recover.
  REQUIRE(exec::run({.argv = {"umount", mount_point}}, exec::Deadline::in(30s)).ok());
  {
    const bool failure_seen = lab::wait_until([&] { return cluster.fail_count("fs") >= 1; }, 30s);
    INFO(cluster.status());
    REQUIRE(failure_seen);
  }
  {
    const bool recovered = lab::wait_until(started_and_mounted, 60s);
    INFO(cluster.status());
    REQUIRE(recovered);
  }

  cluster.crm({"resource", "stop", "fs"});
  {
    const bool stopped = lab::wait_until(
        [&] { return !cluster.resource_started("fs") && !lab::is_mounted(mount_point); }, 60s);
    INFO(cluster.status());
    REQUIRE(stopped);
  }
  CHECK(cluster.status().find("Stopped") != std::string::npos);
}
