// The hakit command line against real agents: `hakit check` passes the built
// Filesystem agent on an ext4 loop device and fails a deliberately broken one;
// `hakit run` reports an agent's result by name and exits with its code.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "exec/command.h"
#include "libvirt_host.h"
#include "loop_device.h"
#include "temp_dir.h"
#include "tgtd.h"

using namespace hakit;

namespace {

exec::Result run_hakit(std::vector<std::string> args) {
  args.insert(args.begin(), HAKIT_BUILD_CLI);
  return exec::run({.argv = args, .env = {{"HAKIT_AGENT_DIR", HAKIT_BUILD_AGENT_DIR}}},
                   exec::Deadline::in(std::chrono::minutes(3)));
}

// Valid meta-data and a working start/stop/monitor, but monitor chatters on stdout and
// validate-all rejects a missing parameter without an exit reason.
constexpr const char* kBrokenAgent = R"agent(#!/bin/sh
case "$1" in
meta-data) cat <<'XML'
<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="Broken" version="1.0">
<version>1.0</version>
<longdesc lang="en">Broken on purpose.</longdesc>
<shortdesc lang="en">Broken</shortdesc>
<parameters>
<parameter name="state" required="1" unique="1">
<longdesc lang="en">State file.</longdesc>
<shortdesc lang="en">State file</shortdesc>
<content type="string"/>
</parameter>
</parameters>
<actions>
<action name="start" timeout="20s"/>
<action name="stop" timeout="20s"/>
<action name="monitor" timeout="20s" interval="10s" depth="0"/>
<action name="validate-all" timeout="20s"/>
<action name="meta-data" timeout="5s"/>
</actions>
</resource-agent>
XML
  exit 0;;
validate-all) [ -n "$OCF_RESKEY_state" ] || exit 6; exit 0;;
start) touch "$OCF_RESKEY_state"; exit 0;;
stop) rm -f "$OCF_RESKEY_state"; exit 0;;
monitor) [ -f "$OCF_RESKEY_state" ] || exit 7; echo "running"; exit 0;;
*) exit 3;;
esac
)agent";

}  // namespace

TEST_CASE("hakit check passes Filesystem on an ext4 loop device", "[hakit-check][filesystem]") {
  if (geteuid() != 0) {
    WARN("skipped: checking Filesystem mounts a filesystem, which needs root");
    return;
  }
  const lab::TempDir dir("hakit-check");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  std::filesystem::create_directory(mount_point);

  const auto result = run_hakit({"check", "Filesystem", "-p", "device=" + disk.device(), "-p",
                                 "directory=" + mount_point, "-p", "fstype=ext4"});

  INFO(result.out << result.err);
  CHECK(result.exit_status == 0);
  CHECK(result.out.find("\nFAIL  ") == std::string::npos);
  CHECK(result.out.find("passed all checks") != std::string::npos);
  // Its own additions ran, not just ocf-tester's sequence.
  CHECK(result.out.find("PASS  meta-data validates against the OCF 1.1 RelaxNG schema") !=
        std::string::npos);
  CHECK(result.out.find("PASS  validate-all without the required parameters") != std::string::npos);
  CHECK(result.out.find("PASS  monitor at OCF_CHECK_LEVEL=10") != std::string::npos);
  CHECK_FALSE(lab::is_mounted(mount_point));
}

// --- virt (issue 9)
TEST_CASE("hakit check passes VirtualDomain and Xen on a lab libvirtd host",
          "[hakit-check][virt]") {
  if (geteuid() != 0) {
    WARN("skipped: libvirtd and its mount namespace need root");
    return;
  }
  const std::string agent = GENERATE(as<std::string>(), "VirtualDomain", "Xen");
  const lab::TempDir dir("hakit-check-virt");
  const lab::LibvirtHost host(dir / "host1", 1);
  const std::string config = dir / "vm.xml";
  const std::string xmfile = dir / "vm.cfg";
  {
    std::ofstream(config) << lab::lab_domain_xml("hakit-check-vd");
    std::ofstream(xmfile) << "name = 'hakit-check-xen'\nbuilder = 'hvm'\nmemory = 64\nvcpus = 1\n";
  }
  const std::string file_param = agent == "Xen" ? "xmfile=" + xmfile : "config=" + config;
  const std::string fast_stop = agent == "Xen" ? "shutdown_timeout=1" : "force_stop=true";

  const auto result = run_hakit(
      {"check", agent, "-p", file_param, "-p", "hypervisor=" + host.uri(), "-p", fast_stop});

  INFO(result.out << result.err);
  CHECK(result.exit_status == 0);
  CHECK(result.out.find("\nFAIL  ") == std::string::npos);
  CHECK(result.out.find("passed all checks") != std::string::npos);
  CHECK(host.emulator_pids().empty());
}

TEST_CASE("hakit check fails an agent that breaks the OCF contract", "[hakit-check]") {
  const lab::TempDir dir("hakit-broken");
  const std::string agent = dir / "Broken";
  std::ofstream(agent) << kBrokenAgent;
  ::chmod(agent.c_str(), 0755);
  const std::string state = dir / "state";

  const auto text = run_hakit({"check", agent, "-p", "state=" + state});
  INFO(text.out << text.err);
  CHECK(text.exit_status == 1);
  CHECK(text.out.find("FAIL  stdout is empty for every action but meta-data") != std::string::npos);
  CHECK(text.out.find("printed 8 bytes on stdout: running") != std::string::npos);
  CHECK(text.out.find("FAIL  validate-all without the required parameters returns "
                      "OCF_ERR_CONFIGURED with an exit reason") != std::string::npos);
  // What ocf-tester checks still passes: the failures are only hakit's additions.
  CHECK(text.out.find("PASS  start returns OCF_SUCCESS") != std::string::npos);
  CHECK(text.out.find("PASS  final stop leaves the resource stopped") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(state));

  const auto json = run_hakit({"check", agent, "-p", "state=" + state, "--json"});
  INFO(json.out);
  CHECK(json.exit_status == 1);
  CHECK(json.out.starts_with("{\"agent\":\"" + agent + "\""));
  CHECK(json.out.find("\"passed\":false,\"counts\":{\"pass\":") != std::string::npos);
}

TEST_CASE("hakit run names the agent's result and exits with its code", "[hakit-run]") {
  const auto result = run_hakit({"run", "Filesystem", "validate-all"});
  INFO(result.out << result.err);
  CHECK(result.exit_status == 6);
  CHECK(result.err.find("validate-all: OCF_ERR_CONFIGURED (6)") != std::string::npos);
  CHECK(result.err.find("exit reason: ") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("hakit check passes iSCSITarget and iSCSILogicalUnit on tgtd", "[hakit-check][iscsi]") {
  if (geteuid() != 0) {
    WARN("skipped: tgtd needs root");
    return;
  }
  const lab::TempDir dir("hakit-check-iscsi");
  const lab::Tgtd tgtd(dir.path());
  const std::string port = "tgt_control_port=" + std::to_string(tgtd.control_port());
  const std::string image = dir / "lun1.img";
  std::ofstream(image).close();
  std::filesystem::resize_file(image, 16 << 20);
  const auto passed = [](const exec::Result& result) {
    return result.exit_status == 0 && result.out.find("\nFAIL  ") == std::string::npos &&
           result.out.find("passed all checks") != std::string::npos;
  };

  const auto target = run_hakit({"check", "iSCSITarget", "-p", "implementation=tgt", "-p",
                                 "iqn=iqn.2024-01.lab.example:check", "-p", port});
  INFO(target.out << target.err);
  CHECK(passed(target));
  CHECK(tgtd.tgtadm({"--mode", "target", "--op", "show"}).empty());

  tgtd.tgtadm({"--mode", "target", "--op", "new", "--tid", "1", "--targetname",
               "iqn.2024-01.lab.example:check"});
  const auto lun = run_hakit({"check", "iSCSILogicalUnit", "-p", "implementation=tgt", "-p",
                              "target_iqn=iqn.2024-01.lab.example:check", "-p", "lun=1", "-p",
                              "path=" + image, "-p", port});
  INFO(lun.out << lun.err);
  CHECK(passed(lun));
  CHECK(tgtd.tgtadm({"--mode", "target", "--op", "show"}).find(image) == std::string::npos);
}
