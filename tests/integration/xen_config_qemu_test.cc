// The domain XML rendered from Xen guest configs, against libvirt's real qemu driver:
// qemu:///embed runs the driver inside virsh with its state under a scratch root, so no
// libvirtd is needed and nothing machine-wide is touched. Every rendering must pass the
// driver's own checks at define time, and a diskless guest must start under TCG.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "exec/command.h"
#include "temp_dir.h"
#include "virt/domain_xml.h"
#include "virt/examples_for_tests.h"
#include "virt/xen_config.h"

using namespace hakit;
using namespace std::chrono_literals;
using hakit::virt::testing::read_example;

namespace {

/// The lab's qemu.conf (LAB.md): root, no security driver or cgroups, logs to files.
void write_qemu_conf(const std::string& root) {
  std::filesystem::create_directories(root + "/etc");
  std::ofstream(root + "/etc/qemu.conf")
      << "user = \"root\"\ngroup = \"root\"\ndynamic_ownership = 0\nremember_owner = 0\n"
         "security_driver = \"none\"\nnamespaces = []\ncgroup_controllers = []\n"
         "stdio_handler = \"file\"\n";
}

/// Kills by PID any qemu the embedded driver left running (a failed destroy).
void kill_leftover_qemu(const std::string& root) {
  const std::filesystem::path run = root + "/run/qemu";
  std::error_code ignored;
  if (!std::filesystem::is_directory(run, ignored)) return;
  for (const auto& entry : std::filesystem::directory_iterator(run, ignored)) {
    if (entry.path().extension() != ".pid") continue;
    pid_t pid = 0;
    if (std::ifstream(entry.path()) >> pid && pid > 1) ::kill(pid, SIGKILL);
  }
}

}  // namespace

TEST_CASE("rendered Xen configs pass the real qemu driver and a diskless one starts",
          "[virt][xlconfig]") {
  if (::geteuid() != 0) {
    WARN("skipped: the embedded qemu driver runs guests as root (the lab's qemu.conf)");
    return;
  }
  const lab::TempDir dir("xlconfig-qemu");
  const std::string root = dir / "embed";
  write_qemu_conf(root);
  struct Leftovers {
    std::string root;
    ~Leftovers() { kill_leftover_qemu(root); }
  } leftovers{root};

  // No interfaces (no Xen bridges here) and no cputune (no cpu cgroup controller).
  const virt::RenderOptions lab{.interfaces = false, .graphics = true, .cpu_tuning = false};
  const std::vector<std::pair<std::string, std::string>> configs = {
      {"vm01", render_domain_xml(virt::parse_xen_config(read_example("vm01.cfg")), "qemu", lab)},
      {"vm02", render_domain_xml(virt::parse_xen_config(read_example("vm02.cfg")), "qemu", lab)},
      {"vm02q35",
       render_domain_xml(virt::parse_xen_config(read_example("vm02.cfg") + "name = 'vm02q35'\n"),
                         "qemu", {.interfaces = false, .machine = "q35"})},
      {"lifecycle", render_domain_xml(
                        virt::parse_xen_config("name = 'lifecycle'\nkernel = '/boot/vmlinuz'\n"
                                               "on_poweroff = 'preserve'\non_reboot = "
                                               "'rename-restart'\non_crash = 'coredump-destroy'\n"),
                        "qemu", lab)},
      {"clock", render_domain_xml(virt::parse_xen_config(
                                      "name = 'clock'\ntype = 'hvm'\nrtc_timeoffset = 3600\n"
                                      "vga = 'stdvga'\nvideoram = 16\nvnc = 1\nvncdisplay = 7\n"),
                                  "qemu", lab)},
      {"diskless",
       render_domain_xml(virt::parse_xen_config("name = 'diskless'\ntype = 'hvm'\nmemory = 64\n"),
                         "qemu", lab)},
  };
  std::string script;
  for (const auto& [name, xml] : configs) {
    std::ofstream(dir / (name + ".xml")) << xml;
    script += "define " + dir / (name + ".xml") + "; ";
  }
  script += "start diskless; domstate diskless; destroy diskless; ";
  for (const auto& [name, xml] : configs) script += "undefine " + name + "; ";

  const exec::Result result =
      exec::run({.argv = {"virsh", "-c", "qemu:///embed?root=" + root, script}},
                exec::Deadline::in(180s));
  INFO(script << "\n" << result.out << result.err);
  for (const auto& [name, xml] : configs) {
    INFO(xml);
    CHECK(result.out.find("Domain '" + name + "' defined") != std::string::npos);
  }
  CHECK(result.out.find("Domain 'diskless' started") != std::string::npos);
  CHECK(result.out.find("running") != std::string::npos);
  CHECK(result.err.find("error:") == std::string::npos);
}
