// fence_hakit_meatware, external/hakit-meatware and hakit-meatclient against each other and
// against cluster-glue's meatclient: an off or reboot succeeds only on the operator's word,
// and without it fails within confirm_timeout, leaving no FIFO behind.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <future>
#include <thread>

#include "daemon.h"
#include "fence_run.h"
#include "installed_file.h"

using namespace hakit;
using namespace std::chrono_literals;
using fence_test::FenceRun;

namespace {

const std::string kAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_meatware";
const std::string kPlugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-meatware";
const std::string kMeatclient = HAKIT_BUILD_MEATCLIENT;
const std::string kSecret = "Meat-lab-secret-7";

bool fifo_exists(const std::string& node) {
  struct stat info {};
  return ::lstat(("/run/meatware." + node).c_str(), &info) == 0 && S_ISFIFO(info.st_mode);
}

/// The operator's answer through a meatclient (hakit's by default).
FenceRun confirm(const std::string& node, const std::string& answer = "y",
                 const std::string& client = kMeatclient, bool wait = false) {
  std::vector<std::string> argv = {client, "-c", node};
  if (wait) argv.push_back("-w");
  return fence_test::timed_run({.argv = argv, .input = answer + "\n"}, 60s);
}

std::future<FenceRun> request(const std::string& action, const std::string& node,
                              int confirm_timeout = 30) {
  return std::async(std::launch::async, [=] {
    return fence_test::run_with_stdin(
        kAgent, {"action=" + action, "nodename=" + node,
                 "confirm_timeout=" + std::to_string(confirm_timeout), "password=" + kSecret});
  });
}

bool root_or_skip() {
  if (::geteuid() == 0) return true;
  WARN("skipped: meatware's FIFOs live in /run, which needs root");
  return false;
}

}  // namespace

TEST_CASE("meatware: hakit-meatclient confirms a reboot, with no secret on any command line",
          "[fence][meatware]") {
  if (!root_or_skip()) return;
  auto pending = request("reboot", "NodeM");
  REQUIRE(lab::wait_until([] { return fifo_exists("nodem"); }, 10s));
  CHECK(fence_test::processes_showing(kSecret).empty());
  CHECK(pending.wait_for(0s) == std::future_status::timeout);  // still waiting for the operator

  const FenceRun client = confirm("NodeM");
  INFO(client.describe());
  CHECK(client.status == 0);
  CHECK(client.out.find("reset confirmed") != std::string::npos);

  const FenceRun run = pending.get();
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Rebooted\n");
  CHECK(run.err.find("CRIT: OPERATOR INTERVENTION REQUIRED to reset NodeM") != std::string::npos);
  CHECK(run.err.find(kSecret) == std::string::npos);
  CHECK_FALSE(fifo_exists("nodem"));
}

TEST_CASE("meatware: cluster-glue's own meatclient confirms an off", "[fence][meatware]") {
  if (!root_or_skip()) return;
  auto pending = request("off", "nodeg");
  REQUIRE(lab::wait_until([] { return fifo_exists("nodeg"); }, 10s));
  const FenceRun client = confirm("nodeg", "y", "/usr/sbin/meatclient");
  INFO(client.describe());
  CHECK(client.status == 0);
  const FenceRun run = pending.get();
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.out == "Success: Powered OFF\n");
}

TEST_CASE("meatware: hakit-meatclient -w waits for the request to appear", "[fence][meatware]") {
  if (!root_or_skip()) return;
  auto client =
      std::async(std::launch::async, [] { return confirm("nodew", "y", kMeatclient, true); });
  std::this_thread::sleep_for(1500ms);
  CHECK(client.wait_for(0s) == std::future_status::timeout);
  const FenceRun run = request("reboot", "nodew").get();
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(client.get().status == 0);
}

TEST_CASE("meatware: hakit-meatclient -w passes over a stale FIFO to the live request",
          "[fence][meatware]") {
  if (!root_or_skip()) return;
  // What a request killed by the fencer leaves behind: a FIFO nobody reads.
  ::unlink("/run/meatware.nodestale");
  REQUIRE(::mkfifo("/run/meatware.nodestale", 0600) == 0);
  auto client = std::async(std::launch::async,
                           [] { return confirm("nodestale", "y", kMeatclient, /*wait=*/true); });
  std::this_thread::sleep_for(1s);
  CHECK(client.wait_for(0s) == std::future_status::timeout);  // not fooled by the stale FIFO

  auto pending = request("off", "nodestale");
  const FenceRun confirmed = client.get();
  INFO(confirmed.describe());
  CHECK(confirmed.status == 0);
  const FenceRun run = pending.get();
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK_FALSE(fifo_exists("nodestale"));
}

TEST_CASE("meatware: without a confirmation the request fails within confirm_timeout",
          "[fence][meatware]") {
  if (!root_or_skip()) return;
  auto pending = request("reboot", "nodet", 2);
  REQUIRE(lab::wait_until([] { return fifo_exists("nodet"); }, 10s));
  // An operator who answers "no" confirms nothing.
  const FenceRun declined = confirm("nodet", "n");
  CHECK(declined.status == 1);
  CHECK(declined.out.find("operation canceled") != std::string::npos);

  const FenceRun run = pending.get();
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK_FALSE(run.claims_success());
  CHECK(run.elapsed < 5s);
  CHECK(run.err.find("no operator confirmation for nodet") != std::string::npos);
  CHECK_FALSE(fifo_exists("nodet"));
}

TEST_CASE("meatware: a reply for another node fails the request", "[fence][meatware]") {
  if (!root_or_skip()) return;
  auto pending = request("off", "noder");
  REQUIRE(lab::wait_until([] { return fifo_exists("noder"); }, 10s));
  {
    std::ofstream fifo("/run/meatware.noder");
    fifo << "meatware reply other";
  }
  const FenceRun run = pending.get();
  INFO(run.describe());
  CHECK(run.status != 0);
  CHECK_FALSE(run.claims_success());
  CHECK(run.err.find("unexpected reply") != std::string::npos);
}

TEST_CASE("meatware: a confirmation with nobody waiting fails clearly", "[fence][meatware]") {
  if (!root_or_skip()) return;
  const FenceRun client = confirm("nobody-waits");
  INFO(client.describe());
  CHECK(client.status != 0);
  CHECK(client.err.find("no meatware request is waiting") != std::string::npos);
}

TEST_CASE("meatware: on and status are refused at once", "[fence][meatware]") {
  for (const char* action : {"on", "status"}) {
    const FenceRun run =
        fence_test::run_with_stdin(kAgent, {"action=" + std::string(action), "nodename=n1"});
    INFO(run.describe());
    CHECK(run.status == 1);
    CHECK(run.elapsed < 2s);
    CHECK(run.err.find("not supported") != std::string::npos);
  }
}

TEST_CASE("external/hakit-meatware through cluster-glue's stonith CLI",
          "[fence][meatware][stonith]") {
  if (!root_or_skip()) return;
  const lab::InstalledFile plugin(kPlugin, "/usr/lib/stonith/plugins/external/hakit-meatware");
  auto pending = std::async(std::launch::async, [] {
    return fence_test::run_stonith_cli({"-t", "external/hakit-meatware", "hostlist=NodeE",
                                        "confirm_timeout=30", "-T", "reset", "NodeE"});
  });
  REQUIRE(lab::wait_until([] { return fifo_exists("nodee"); }, 10s));
  CHECK(confirm("NodeE").status == 0);
  const FenceRun run = pending.get();
  INFO(run.describe());
  CHECK(run.status == 0);

  const FenceRun unconfirmed =
      fence_test::run_stonith_cli({"-t", "external/hakit-meatware", "hostlist=NodeE",
                                   "confirm_timeout=1", "-T", "off", "NodeE"});
  INFO(unconfirmed.describe());
  CHECK(unconfirmed.status != 0);
}
