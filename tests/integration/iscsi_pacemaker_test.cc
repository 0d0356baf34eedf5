// The iSCSI agents under a real Pacemaker: a group of the target and two LUNs (the SLES
// book's SAN, without DRBD and the address) starts in order, is seen by an initiator,
// and stops in reverse order.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "cluster.h"
#include "iscsi_lab.h"

using namespace hakit;
using namespace hakit::iscsi_test;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPacemakerLog = "/var/log/pacemaker/pacemaker.log";

std::streamoff log_size() {
  std::ifstream log(kPacemakerLog, std::ios::ate);
  return log ? std::streamoff(log.tellg()) : 0;
}

/// The resources whose `operation` succeeded, in the order the controller logged them
/// since `offset` ("Result of start operation for r1 on node1: ok").
std::vector<std::string> completed(const std::string& operation, std::streamoff offset) {
  std::ifstream log(kPacemakerLog);
  log.seekg(offset);
  std::vector<std::string> order;
  const std::string marker = "Result of " + operation + " operation for ";
  for (std::string line; std::getline(log, line);) {
    const size_t at = line.find(marker);
    if (at == std::string::npos || line.find(": ok") == std::string::npos) continue;
    const size_t name = at + marker.size();
    order.push_back(line.substr(name, line.find(' ', name) - name));
  }
  return order;
}

}  // namespace

TEST_CASE("Pacemaker starts a group of target and two LUNs in order and stops it in reverse",
          "[pacemaker][iscsi]") {
  if (geteuid() != 0) {
    WARN("skipped: the lab cluster and tgtd need root");
    return;
  }
  const lab::TempDir dir("pacemaker-iscsi");
  const lab::Tgtd tgtd(dir.path());
  const std::string lun1 = backing_file(dir, "lun1.img", 64);
  const std::string lun2 = backing_file(dir, "lun2.img", 32);
  const lab::ProviderMount provider(HAKIT_BUILD_AGENT_DIR);
  const lab::Cluster cluster(dir / "cluster");
  const std::string port = "tgt_control_port=" + std::to_string(tgtd.control_port());
  const auto all_started = [&] {
    for (const char* id : {"iscsi_tgt", "iscsi_lu1", "iscsi_lu2"}) {
      if (!cluster.resource_started(id)) return false;
    }
    return true;
  };

  const std::streamoff before_start = log_size();
  // Nothing starts until the group exists: a LUN primitive started on its own before its
  // target fails its start, which is fatal (CI lost this case to that race once).
  cluster.crm({"configure", "property", "stop-all-resources=true"});
  cluster.crm({"configure", "primitive", "iscsi_tgt", "ocf:hakit:iSCSITarget", "params",
               "implementation=tgt", "iqn=" + kTargetIqn, "tid=1", port, "op", "monitor",
               "interval=5s"});
  cluster.crm({"configure", "primitive", "iscsi_lu1", "ocf:hakit:iSCSILogicalUnit", "params",
               "implementation=tgt", "target_iqn=" + kTargetIqn, "lun=1", "path=" + lun1, port,
               "op", "monitor", "interval=5s"});
  cluster.crm({"configure", "primitive", "iscsi_lu2", "ocf:hakit:iSCSILogicalUnit", "params",
               "implementation=tgt", "target_iqn=" + kTargetIqn, "lun=2", "path=" + lun2, port,
               "op", "monitor", "interval=5s"});
  cluster.crm({"configure", "group", "g_iscsi", "iscsi_tgt", "iscsi_lu1", "iscsi_lu2"});
  cluster.crm({"configure", "property", "stop-all-resources=false"});
  {
    const bool started = lab::wait_until(all_started, 90s);
    INFO(cluster.status());
    REQUIRE(started);
  }
  CHECK(completed("start", before_start) ==
        std::vector<std::string>{"iscsi_tgt", "iscsi_lu1", "iscsi_lu2"});
  const std::string seen = iscsi_ls(tgtd);
  INFO(seen);
  CHECK(seen.find("Lun:1") != std::string::npos);
  CHECK(seen.find("Lun:2") != std::string::npos);
  CHECK(lun_size(tgtd, kTargetIqn, 2) == 32LL << 20);

  const std::streamoff before_stop = log_size();
  cluster.crm({"resource", "stop", "g_iscsi"});
  {
    const bool stopped = lab::wait_until(
        [&] {
          return !cluster.resource_started("iscsi_tgt") && !cluster.resource_started("iscsi_lu1") &&
                 !cluster.resource_started("iscsi_lu2");
        },
        90s);
    INFO(cluster.status());
    REQUIRE(stopped);
  }
  CHECK(completed("stop", before_stop) ==
        std::vector<std::string>{"iscsi_lu2", "iscsi_lu1", "iscsi_tgt"});
  CHECK(iscsi_ls(tgtd).find(kTargetIqn) == std::string::npos);
  CHECK(cluster.fail_count("iscsi_tgt") == 0);
}
