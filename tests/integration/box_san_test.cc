// The box's storage backend (issue 7, scenario d), examples/box-san.crm: an iSCSI target
// with two LUNs backed by files on the box's shared disk, and the portal address, as one
// group on node1; every node runs its own tgtd. An initiator outside the nodes (libiscsi's
// tools in the box's namespace) sees both LUNs at the address. node1's corosync dies,
// node2 fences node1 through its BMC and runs the group: the same address serves both
// LUNs from node2, the same disks (serial numbers) as before. Throughout, a watch checks
// that the address and the LUNs are never on two nodes at once.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "box_lab.h"
#include "iscsi_lab.h"

using namespace box_test;
using hakit::lab::BoxNode;

namespace {

constexpr const char* kAddress = "10.252.0.100";
const std::string kIqn = "iqn.2024-01.box.example:san";
const std::string kPortal = hakit::cat("iscsi://", kAddress, ":3260/");
constexpr long long kLun1Size = 64LL << 20, kLun2Size = 32LL << 20;

/// Whether `address` is one of `node`'s own: a host LOCAL entry of its routing tables, read
/// from /proc (the watch asks every 50 ms; no process to start).
bool has_address(const BoxNode& node, const std::string& address) {
  const pid_t init = node.pid_of("box-node");
  std::string trie;
  if (init == 0 || !hakit::read_file(hakit::cat("/proc/", init, "/net/fib_trie"), trie))
    return false;
  // "|-- 10.252.0.100" then, indented, "/32 host LOCAL".
  const auto lines = hakit::split(trie, "\n");
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (hakit::trim(lines[i]) == "|-- " + address &&
        hakit::trim(lines[i + 1]) == "/32 host LOCAL") {
      return true;
    }
  }
  return false;
}

/// Whether `node`'s tgtd holds `path` open: it serves a LUN backed by that file.
bool serves_file(const BoxNode& node, const std::string& path) {
  struct stat file {};
  const pid_t tgtd = node.pid_of("tgtd");
  if (tgtd == 0 || stat(path.c_str(), &file) != 0) return false;
  std::error_code error;
  for (const auto& fd :
       std::filesystem::directory_iterator(hakit::cat("/proc/", tgtd, "/fd"), error)) {
    struct stat open {};
    if (stat(fd.path().c_str(), &open) == 0 && open.st_dev == file.st_dev &&
        open.st_ino == file.st_ino) {
      return true;
    }
  }
  return false;
}

/// A sparse file of `size` bytes on the box's shared disk, `name` under its san/.
std::string shared_file(const hakit::lab::Box& box, const std::string& name, long long size) {
  const std::string path = box.shared_dir() + "/san/" + name;
  std::filesystem::create_directories(box.shared_dir() + "/san");
  std::ofstream(path).close();
  std::filesystem::resize_file(path, size);
  return path;
}

struct SanLab : BoxLab {
  SanLab() {
    evidence["san-ip"] = [](const BoxNode& node) { return has_address(node, kAddress); };
    evidence["san-lun1"] = [this](const BoxNode& node) { return serves_file(node, lun1); };
    evidence["san-lun2"] = [this](const BoxNode& node) { return serves_file(node, lun2); };
  }
  const std::string lun1 = shared_file(box, "lun1.img", kLun1Size);
  const std::string lun2 = shared_file(box, "lun2.img", kLun2Size);

  /// Whether an initiator outside the nodes finds both LUNs at the address, sized right.
  bool luns_seen() const {
    using hakit::iscsi_test::lun_size;
    return lun_size(lun_url(1), box.netns()) == kLun1Size &&
           lun_size(lun_url(2), box.netns()) == kLun2Size;
  }
  /// The LUNs' serial numbers, as that initiator reads them: the disks' identity.
  std::vector<std::string> serials() const {
    using hakit::iscsi_test::unit_serial;
    return {unit_serial(lun_url(1), box.netns()), unit_serial(lun_url(2), box.netns())};
  }
  static std::string lun_url(int lun) { return hakit::cat(kPortal, kIqn, "/", lun); }
  bool wait_luns_seen() const {
    return hakit::lab::wait_until([this] { return luns_seen(); }, 60s);
  }
  std::string seen_from_outside() const {
    return hakit::iscsi_test::iscsi_ls(kPortal, box.netns());
  }
};

const std::vector<std::string> kGroup = {"san-ip", "san-lun1", "san-lun2"};

}  // namespace

TEST_CASE("Box: the SAN group fails over with node1, its address serving both LUNs from node2",
          "[box][iscsi]") {
  if (!box_possible()) return;
  SanLab lab;
  lab.load("box-san.crm");
  {
    INFO(lab.box.status());
    for (const std::string& resource : kGroup) REQUIRE(lab.wait_running_on(resource, "node1"));
  }
  {
    const bool seen = lab.wait_luns_seen();
    const std::string listed = lab.seen_from_outside();
    INFO(listed);
    REQUIRE(seen);
    CHECK(listed.find("Target:" + kIqn) != std::string::npos);
    CHECK(listed.find(hakit::cat("Portal:", kAddress, ":3260")) != std::string::npos);
    CHECK(listed.find("Lun:1") != std::string::npos);
    CHECK(listed.find("Lun:2") != std::string::npos);
  }
  CHECK_FALSE(has_address(lab.node2, kAddress));
  const auto serials = lab.serials();
  CHECK_FALSE(serials[0].empty());
  CHECK(serials[0] != serials[1]);

  const SafetyWatch watch(lab, kGroup);
  const Failure failure = kill_corosync(lab.node1);
  bool taken_over = true;
  for (const std::string& resource : kGroup)
    taken_over = taken_over && lab.wait_running_on(resource, "node2");
  report("node1 corosync killed -> SAN group running on node2", seconds_since(failure.at));
  const bool served = taken_over && lab.wait_luns_seen();
  report("node1 corosync killed -> both LUNs served at the address from node2",
         seconds_since(failure.at));
  report("node1 corosync killed -> node1 powered off",
         last_power_off(lab.node1) - failure.wall_clock);
  const std::string status = lab.box.status();
  INFO(status);
  REQUIRE(taken_over);
  {
    const std::string listed = lab.seen_from_outside();
    INFO(listed);
    CHECK(served);
    CHECK(listed.find("Lun:1") != std::string::npos);
    CHECK(listed.find("Lun:2") != std::string::npos);
  }
  // The same disks: an initiator that logs in again finds the LUNs it knew.
  CHECK(lab.serials() == serials);
  // node2 answers at the address: node1 is off, with every process of it.
  CHECK(has_address(lab.node2, kAddress));
  CHECK(lab.node1.processes().empty());
  CHECK_FALSE(lab.box.bmc(lab.node1).powered());
  CHECK(status.find("OFFLINE: [ node1 ]") != std::string::npos);
  const std::string history =
      lab.node2.run_checked({"stonith_admin", "--history", "node1", "--verbose"});
  INFO(history);
  CHECK(history.find("successful") != std::string::npos);
  CHECK_FALSE(fencer_runs(lab.node2, "fence-node1-ipmi", "node1").empty());

  INFO(hakit::join(watch.violations(), "; "));
  CHECK(watch.violations().empty());
  CHECK(watch.checks() > 10);
}
