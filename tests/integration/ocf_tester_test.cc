// Debian's ocf-tester (resource-agents) against the built Filesystem agent: the same
// conformance run that the shell agents pass, on a real ext4 loop device.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "cluster.h"
#include "exec/command.h"
#include "loop_device.h"
#include "temp_dir.h"

using namespace hakit;

TEST_CASE("ocf-tester passes Filesystem on an ext4 loop device", "[ocf-tester][filesystem]") {
  if (geteuid() != 0) {
    WARN("skipped: ocf-tester mounts filesystems, which needs root");
    return;
  }
  const lab::TempDir dir("ocf-tester");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  std::filesystem::create_directory(mount_point);
  // ocf-tester wants the agent at its installed path, and runs meta-data as `nobody`,
  // who may not be able to traverse the build tree's parents: the bind mount avoids both.
  const lab::ProviderMount provider(HAKIT_BUILD_AGENT_DIR);

  const auto result =
      exec::run({.argv = {"/usr/sbin/ocf-tester", "-n", "fs1", "-o", "device=" + disk.device(),
                          "-o", "directory=" + mount_point, "-o", "fstype=ext4",
                          "/usr/lib/ocf/resource.d/hakit/Filesystem"}},
                exec::Deadline::in(std::chrono::minutes(3)));

  INFO(result.out << result.err);
  CHECK(result.exit_status == 0);
  CHECK(result.out.find("passed all tests") != std::string::npos);
  CHECK_FALSE(lab::is_mounted(mount_point));
}
