// Debian's ocf-tester (resource-agents) against the built Filesystem agent: the same
// conformance run that the shell agents pass, on a real ext4 loop device.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cluster.h"
#include "exec/command.h"
#include "libvirt_host.h"
#include "loop_device.h"
#include "temp_dir.h"
#include "tgtd.h"

using namespace hakit;
using namespace std::chrono_literals;

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

TEST_CASE("ocf-tester passes iSCSITarget and iSCSILogicalUnit on tgtd", "[ocf-tester][iscsi]") {
  if (geteuid() != 0) {
    WARN("skipped: tgtd needs root");
    return;
  }
  const lab::TempDir dir("ocf-tester-iscsi");
  const lab::Tgtd tgtd(dir.path());
  const std::string port = "tgt_control_port=" + std::to_string(tgtd.control_port());
  const std::string image = dir / "lun1.img";
  REQUIRE(exec::run({.argv = {"truncate", "-s", "16M", image}}, exec::Deadline::in(10s)).ok());
  const lab::ProviderMount provider(HAKIT_BUILD_AGENT_DIR);
  const auto ocf_tester = [](std::vector<std::string> args) {
    args.insert(args.begin(), "/usr/sbin/ocf-tester");
    return exec::run({.argv = args}, exec::Deadline::in(std::chrono::minutes(3)));
  };

  const auto target = ocf_tester({"-n", "tgt1", "-o", "implementation=tgt", "-o",
                                  "iqn=iqn.2024-01.lab.example:tester", "-o", port,
                                  "/usr/lib/ocf/resource.d/hakit/iSCSITarget"});
  INFO(target.out << target.err);
  CHECK(target.exit_status == 0);
  CHECK(target.out.find("passed all tests") != std::string::npos);
  CHECK(tgtd.tgtadm({"--mode", "target", "--op", "show"}).empty());

  // The logical unit needs its target.
  tgtd.tgtadm({"--mode", "target", "--op", "new", "--tid", "1", "--targetname",
               "iqn.2024-01.lab.example:tester"});
  const auto lun =
      ocf_tester({"-n", "lun1", "-o", "implementation=tgt", "-o",
                  "target_iqn=iqn.2024-01.lab.example:tester", "-o", "lun=1", "-o", "path=" + image,
                  "-o", port, "/usr/lib/ocf/resource.d/hakit/iSCSILogicalUnit"});
  INFO(lun.out << lun.err);
  CHECK(lun.exit_status == 0);
  CHECK(lun.out.find("passed all tests") != std::string::npos);
  CHECK(tgtd.tgtadm({"--mode", "target", "--op", "show"}).find(image) == std::string::npos);
}

// --- virt (issue 9)
TEST_CASE("ocf-tester passes VirtualDomain and Xen on a lab libvirtd host", "[ocf-tester][virt]") {
  if (geteuid() != 0) {
    WARN("skipped: libvirtd and its mount namespace need root");
    return;
  }
  const std::string agent = GENERATE(as<std::string>(), "VirtualDomain", "Xen");
  const lab::TempDir dir("ocf-tester-virt");
  const lab::LibvirtHost host(dir / "host1", 1);
  const std::string config = dir / "vm.xml";
  const std::string xmfile = dir / "vm.cfg";
  {
    std::ofstream(config) << lab::lab_domain_xml("hakit-ocft-vd");
    std::ofstream(xmfile) << "name = 'hakit-ocft-xen'\nbuilder = 'hvm'\nmemory = 64\nvcpus = 1\n";
  }
  const lab::ProviderMount provider(HAKIT_BUILD_AGENT_DIR);
  const std::string file_param = agent == "Xen" ? "xmfile=" + xmfile : "config=" + config;
  // force_stop / a short shutdown_timeout: the lab guest has no OS to shut down gracefully.
  const std::string fast_stop = agent == "Xen" ? "shutdown_timeout=1" : "force_stop=true";

  const auto result = exec::run({.argv = {"/usr/sbin/ocf-tester", "-n", "vm1", "-o", file_param,
                                          "-o", "hypervisor=" + host.uri(), "-o", fast_stop,
                                          "/usr/lib/ocf/resource.d/hakit/" + agent}},
                                exec::Deadline::in(std::chrono::minutes(5)));

  INFO(result.out << result.err);
  CHECK(result.exit_status == 0);
  CHECK(result.out.find("passed all tests") != std::string::npos);
  CHECK(host.emulator_pids().empty());
}
