// The null and meatware devices under a real Pacemaker, as fence agents
// (stonith:fence_hakit_*) and as cluster-glue plugins (stonith:external/hakit-*):
// stonith_admin's reboot and off succeed through them, a device that cannot confirm makes
// fencing fail, and the fencer's meatware request is answered by hakit-meatclient or by
// stonith_admin --confirm. One cluster start for the whole story.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <future>

#include "cluster.h"
#include "fence_run.h"
#include "installed_file.h"
#include "temp_dir.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::FenceRun;

namespace {

FenceRun stonith_admin(std::vector<std::string> args, std::chrono::milliseconds timeout = 150s) {
  args.insert(args.begin(), "stonith_admin");
  const FenceRun run = fence_test::timed_run({.argv = args}, timeout);
  INFO(run.describe());
  return run;
}

bool fifo_exists(const std::string& node) {
  struct stat info {};
  return ::lstat(("/run/meatware." + node).c_str(), &info) == 0 && S_ISFIFO(info.st_mode);
}

}  // namespace

TEST_CASE("Pacemaker fences through fence_hakit_null, external/hakit-null and meatware",
          "[fence][pacemaker]") {
  if (::geteuid() != 0) {
    WARN("skipped: the lab cluster and installing fence agents need root");
    return;
  }
  // Where the fencer looks: fence_* in /usr/sbin, plugins in external/. Removed again (in
  // reverse order) after the cluster has stopped.
  const lab::InstalledFile null_agent(HAKIT_BUILD_FENCE_DIR "/fence_hakit_null",
                                      "/usr/sbin/fence_hakit_null");
  const lab::InstalledFile meatware_agent(HAKIT_BUILD_FENCE_DIR "/fence_hakit_meatware",
                                          "/usr/sbin/fence_hakit_meatware");
  const lab::InstalledFile null_plugin(HAKIT_BUILD_PLUGIN_DIR "/hakit-null",
                                       "/usr/lib/stonith/plugins/external/hakit-null");
  const lab::TempDir dir("pacemaker-fence");
  const lab::Cluster cluster(dir / "cluster");

  cluster.crm({"configure", "primitive", "fence-null", "stonith:fence_hakit_null", "params",
               "pcmk_host_list=nodeX,NodeCase"});
  cluster.crm({"configure", "primitive", "fence-legacy", "stonith:external/hakit-null", "params",
               "hostlist=nodeY"});
  cluster.crm({"configure", "primitive", "fence-meat", "stonith:fence_hakit_meatware", "params",
               "pcmk_host_list=nodeM", "confirm_timeout=60", "pcmk_reboot_timeout=90s",
               "pcmk_off_timeout=90s"});
  cluster.crm({"configure", "primitive", "fence-fail", "stonith:fence_hakit_meatware", "params",
               "pcmk_host_list=nodeZ", "confirm_timeout=2", "pcmk_reboot_retries=1"});
  cluster.crm({"configure", "property", "stonith-enabled=true"});
  {
    const bool registered = lab::wait_until(
        [] {
          return stonith_admin({"--list-registered"}, 10s).out.find("4 fence devices") !=
                 std::string::npos;
        },
        60s);
    INFO(cluster.status());
    REQUIRE(registered);
  }

  {  // fence agent: reboot and off succeed
    CHECK(stonith_admin({"--reboot", "nodeX", "--tolerance", "0"}).status == 0);
    CHECK(stonith_admin({"--fence", "NodeCase", "--tolerance", "0"}).status == 0);
    CHECK(stonith_admin({"--list", "NodeCase"}).out.find("fence-null") != std::string::npos);
  }
  {  // cluster-glue plugin: reboot and off succeed
    CHECK(stonith_admin({"--reboot", "nodeY", "--tolerance", "0"}).status == 0);
    CHECK(stonith_admin({"--fence", "nodeY", "--tolerance", "0"}).status == 0);
  }
  {  // a device that cannot confirm fails the fencing, within its timeout
    const FenceRun failed = stonith_admin({"--reboot", "nodeZ", "--tolerance", "0"});
    CHECK(failed.status != 0);
    CHECK(failed.elapsed < 60s);
    CHECK(stonith_admin({"--reboot", "nodeW", "--tolerance", "0"}).status != 0);  // no device
  }
  {  // meatware: the operator confirms with hakit-meatclient
    auto fencing = std::async(std::launch::async, [] {
      return stonith_admin({"--reboot", "nodeM", "--tolerance", "0", "--timeout", "120"});
    });
    const FenceRun client = fence_test::timed_run(
        {.argv = {HAKIT_BUILD_MEATCLIENT, "-c", "nodeM", "-w"}, .input = "y\n"}, 60s);
    INFO(client.describe());
    CHECK(client.status == 0);
    CHECK(fencing.get().status == 0);
  }
  {  // meatware: stonith_admin --confirm answers the waiting request
    auto fencing = std::async(std::launch::async, [] {
      return stonith_admin({"--reboot", "nodeM", "--tolerance", "0", "--timeout", "120"});
    });
    REQUIRE(lab::wait_until([] { return fifo_exists("nodem"); }, 30s));
    CHECK(stonith_admin({"--confirm", "nodeM"}).status == 0);
    const FenceRun fenced = fencing.get();
    CHECK(fenced.status == 0);
    CHECK(fenced.elapsed < 30s);
    CHECK(lab::wait_until([] { return !fifo_exists("nodem"); }, 10s));
  }
  {  // the example configuration loads, and its device registers
    cluster.crm({"configure", "load", "update", HAKIT_SOURCE_DIR "/examples/stonith.crm"});
    CHECK(lab::wait_until(
        [] {
          return stonith_admin({"--list-registered"}, 10s).out.find("fence-by-hand") !=
                 std::string::npos;
        },
        30s));
  }
}
