#include "virt/domain_xml.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <catch2/catch.hpp>
#include <memory>
#include <random>

#include "exec/command.h"
#include "hakit/schema_check.h"
#include "storage/file_tree_for_tests.h"
#include "virt/config_mutation_for_tests.h"
#include "virt/examples_for_tests.h"
#include "virt/xen_config.h"

namespace hakit::virt {
namespace {

using testing::read_example;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

/// libvirt's own validator against its domain RNG (package libvirt-clients).
void require_schema_valid(const std::string& xml) {
  const storage::testing::FileTree dir;
  dir.file("domain.xml", xml);
  const exec::Result result =
      exec::run({.argv = {"virt-xml-validate", dir.path("domain.xml"), "domain"}},
                exec::Deadline::in(std::chrono::seconds(60)));
  INFO(xml << result.out << result.err);
  REQUIRE(result.exit_status != 127);  // scripts/deps.sh installs it
  CHECK(result.ok());
}

struct ConnectClose {
  void operator()(virConnectPtr connection) const { virConnectClose(connection); }
};
struct DomainFree {
  void operator()(virDomainPtr domain) const { virDomainFree(domain); }
};
using Connection = std::unique_ptr<virConnect, ConnectClose>;
using Domain = std::unique_ptr<virDomain, DomainFree>;

Connection open_connection(const char* uri) {
  virSetErrorFunc(nullptr, [](void*, virErrorPtr) {});  // errors are read, not printed
  return Connection(virConnectOpen(uri));
}

std::string last_libvirt_error() {
  const virErrorPtr error = virGetLastError();
  return error && error->message ? error->message : "no libvirt error";
}

/// Defines and starts the rendered domain on libvirt's test driver (its parser and
/// validation are the real ones; it runs nothing) and reads back what libvirt kept.
std::string define_and_start(const std::string& xml) {
  const Connection connection = open_connection("test:///default");
  REQUIRE(connection);
  const Domain domain(virDomainDefineXML(connection.get(), xml.c_str()));
  INFO(xml);
  INFO(last_libvirt_error());
  REQUIRE(domain);
  REQUIRE(virDomainCreate(domain.get()) == 0);
  int state = 0;
  REQUIRE(virDomainGetState(domain.get(), &state, nullptr, 0) == 0);
  CHECK(state == VIR_DOMAIN_RUNNING);
  char* kept = virDomainGetXMLDesc(domain.get(), 0);
  REQUIRE(kept);
  const std::string result = kept;
  free(kept);
  virDomainDestroy(domain.get());
  virDomainUndefine(domain.get());
  return result;
}

TEST_CASE("vm01.cfg (xm PV) renders for qemu as a direct kernel boot", "[virt]") {
  const DomainSpec spec = parse_xen_config(read_example("vm01.cfg"));
  const std::string xml = render_domain_xml(spec, "qemu");
  CHECK(contains(xml, "<domain type='qemu'>"));
  CHECK(contains(xml, "<name>vm01</name>"));
  CHECK(contains(xml, "<memory unit='MiB'>1024</memory>"));
  CHECK(contains(xml, "<currentMemory unit='MiB'>512</currentMemory>"));
  CHECK(contains(xml, "<vcpu placement='static' cpuset='0-3'>2</vcpu>"));
  CHECK(contains(xml, "<type arch='x86_64' machine='pc'>hvm</type>"));
  CHECK(contains(xml, "<kernel>/boot/vmlinuz-xen</kernel>"));
  CHECK(contains(xml, "<cmdline>root=/dev/xvda1 ro console=hvc0 xencons=tty</cmdline>"));
  CHECK(contains(xml, "<emulator>/usr/bin/qemu-system-x86_64</emulator>"));
  CHECK(contains(xml, "<source dev='/dev/drbd/by-res/vm01'/>"));
  CHECK(contains(xml, "<target dev='vda' bus='virtio'/>"));
  CHECK(contains(xml, "<source file='/srv/xen/images/vm01-data.img'/>"));
  CHECK(contains(xml, "<disk type='file' device='cdrom'>"));
  CHECK(contains(xml, "<source bridge='xenbr1'/>"));
  CHECK(contains(xml, "<mac address='00:16:3e:10:00:01'/>"));
  CHECK(contains(xml, "<on_crash>restart</on_crash>"));
  CHECK(contains(xml, "<shares>512</shares>"));
  CHECK_FALSE(contains(xml, "<boot "));  // the kernel is the boot device
  CHECK_FALSE(contains(render_domain_xml(spec, "qemu", {.cpu_tuning = false}), "<cputune>"));
  require_schema_valid(xml);
  const std::string kept = define_and_start(xml);
  CHECK(contains(kept, "<name>vm01</name>"));
  CHECK(contains(kept, "8a2c1f0e-3b4d-4e5f-9a6b-7c8d9e0f1a2b"));
}

TEST_CASE("vm01.cfg renders for the xen driver as a PV guest", "[virt]") {
  const std::string xml = render_domain_xml(parse_xen_config(read_example("vm01.cfg")), "xen");
  CHECK(contains(xml, "<domain type='xen'>"));
  CHECK(contains(xml, "<type arch='x86_64' machine='xenpv'>linux</type>"));
  CHECK(contains(xml, "<driver name='phy'/>"));
  CHECK(contains(xml, "<target dev='xvda' bus='xen'/>"));
  CHECK(contains(xml, "<script path='vif-bridge'/>"));
  CHECK(contains(xml, "<target type='xen' port='0'/>"));
  CHECK(contains(xml, "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>"));
  CHECK_FALSE(contains(xml, "<emulator>"));
  require_schema_valid(xml);
}

TEST_CASE("pygrub PV and PVH guests render for xen, and boot from disk or kernel on qemu",
          "[virt]") {
  const DomainSpec grub = parse_xen_config(
      "name = 'g'\nbootloader = 'pygrub'\nbootloader_args = ['-q']\nmemory = 64\n"
      "disk = ['phy:/dev/vg/g,xvda,w']\n");
  const std::string grub_xen = render_domain_xml(grub, "xen");
  CHECK(contains(grub_xen,
                 "<bootloader>pygrub</bootloader>\n  <bootloader_args>-q</bootloader_args>"));
  require_schema_valid(grub_xen);
  const std::string grub_qemu = render_domain_xml(grub, "qemu");
  CHECK_FALSE(contains(grub_qemu, "<bootloader>"));
  CHECK(contains(grub_qemu, "<boot dev='hd'/>"));
  require_schema_valid(grub_qemu);

  const DomainSpec pvh = parse_xen_config("name = 'h'\ntype = 'pvh'\nkernel = '/k'\nmemory = 64\n");
  const std::string pvh_xen = render_domain_xml(pvh, "xen");
  CHECK(contains(pvh_xen, "<type arch='x86_64' machine='xenpvh'>xenpvh</type>"));
  require_schema_valid(pvh_xen);
  define_and_start(render_domain_xml(pvh, "qemu"));
}

TEST_CASE("vm02.cfg (xl HVM) renders for qemu and xen", "[virt]") {
  const DomainSpec spec = parse_xen_config(read_example("vm02.cfg"));
  const std::string qemu = render_domain_xml(spec, "qemu");
  CHECK(contains(qemu, "<vcpu placement='static' current='2'>4</vcpu>"));
  CHECK(contains(qemu, "<boot dev='cdrom'/>\n    <boot dev='hd'/>"));
  CHECK(contains(qemu, "<target dev='hda' bus='ide'/>"));
  CHECK(contains(qemu, "<driver name='qemu' type='qcow2'/>"));
  CHECK(contains(qemu, "<model type='e1000'/>"));
  CHECK(contains(qemu, "<graphics type='vnc' port='5902' autoport='no' listen='0.0.0.0'>"));
  CHECK(contains(qemu, "<input type='tablet' bus='usb'/>"));
  CHECK(contains(qemu, "<on_crash>coredump-restart</on_crash>"));
  CHECK(contains(qemu, "<features>\n    <acpi/>\n    <apic/>\n  </features>"));
  require_schema_valid(qemu);
  define_and_start(qemu);

  const std::string xen = render_domain_xml(spec, "xen");
  CHECK(contains(xen, "<type arch='x86_64' machine='xenfv'>hvm</type>"));
  CHECK(contains(xen, "<pae/>"));
  CHECK(contains(xen, "<serial type='pty'>"));
  require_schema_valid(xen);

  // q35 has no IDE: the same disks go on SATA
  const std::string q35 = render_domain_xml(spec, "kvm", {.machine = "q35"});
  CHECK(contains(q35, "<domain type='kvm'>"));
  CHECK(contains(q35, "<target dev='hda' bus='sata'/>"));
  require_schema_valid(q35);
}

TEST_CASE("a diskless kernel-only guest renders runnable for qemu without interfaces", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = 'tiny'\nkernel = '/boot/vmlinuz'\nramdisk = '/boot/initrd.img'\n"
      "extra = 'console=ttyS0 panic=-1'\nmemory = 64\n"
      "vif = [ 'bridge=xenbr0' ]\nvfb = [ 'type=sdl' ]\n");
  const std::string xml = render_domain_xml(spec, "qemu", {.interfaces = false, .graphics = false});
  CHECK_FALSE(contains(xml, "<disk"));
  CHECK_FALSE(contains(xml, "<interface"));
  CHECK_FALSE(contains(xml, "<graphics"));
  CHECK(contains(xml, "<serial type='pty'>"));
  CHECK(contains(xml, "<initrd>/boot/initrd.img</initrd>"));
  require_schema_valid(xml);
  define_and_start(xml);

  // HVM without disks or kernel: no boot device at all, still a valid domain
  const std::string empty =
      render_domain_xml(parse_xen_config("name = 'empty'\ntype = 'hvm'\nmemory = 64\n"), "qemu");
  CHECK_FALSE(contains(empty, "<boot "));
  require_schema_valid(empty);
  define_and_start(empty);
}

TEST_CASE("a vif's antispoofing addresses render as one ip element each for xen", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = 'n'\nkernel = '/k'\n"
      "vif = [ 'bridge=br0,vifname=vif-n,ip=192.0.2.1 2001:db8::1,script=vif-route' ]\n");
  const std::string xen = render_domain_xml(spec, "xen");
  CHECK(contains(xen, "<ip address='192.0.2.1'/>\n      <ip address='2001:db8::1'/>"));
  CHECK(contains(xen, "<target dev='vif-n'/>"));
  require_schema_valid(xen);
  const std::string qemu = render_domain_xml(spec, "qemu");
  CHECK_FALSE(contains(qemu, "<ip "));  // qemu's bridge interfaces have no antispoofing
  CHECK(contains(qemu, "<source bridge='br0'/>"));
  require_schema_valid(qemu);
}

TEST_CASE("passed-through PCI functions render as hostdevs", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = 'p'\ntype = 'hvm'\nmemory = 64\npci = [ '0000:03:00.0', '04:1f.7,permissive=1' ]\n");
  for (const auto driver : {"qemu", "xen"}) {
    const std::string xml = render_domain_xml(spec, driver);
    CHECK(contains(xml, "<address domain='0x0000' bus='0x03' slot='0x00' function='0x0'/>"));
    CHECK(contains(xml, "<address domain='0x0000' bus='0x04' slot='0x1f' function='0x7'/>"));
    require_schema_valid(xml);
  }
}

TEST_CASE("HVM clock offset and video adapter render for qemu and xen", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = 'w'\ntype = 'hvm'\nrtc_timeoffset = -3600\nlocaltime = 1\nstdvga = 1\n"
      "videoram = 16\nmemory = 64\n");
  for (const auto driver : {"qemu", "xen"}) {
    const std::string xml = render_domain_xml(spec, driver);
    CHECK(contains(xml, "<clock offset='variable' adjustment='-3600' basis='localtime'/>"));
    CHECK(contains(xml, "<model type='vga' vram='16384'/>"));
    require_schema_valid(xml);
  }
  define_and_start(render_domain_xml(spec, "qemu"));
}

TEST_CASE("every string from the config is XML-escaped", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = \"a<b>&'c\\\"\"\nkernel = '/boot/v&mlinuz'\nextra = 'x=\"1\" <y>\\nz'\n"
      "disk = ['file:/srv/<a>&b.img,xvda,w']\n"
      "vfb = ['type=vnc,vncpasswd=p&<>\\'q']\n");
  const std::string xml = render_domain_xml(spec, "qemu");
  CHECK(contains(xml, "<name>a&lt;b&gt;&amp;&apos;c&quot;</name>"));
  CHECK(contains(xml, "<kernel>/boot/v&amp;mlinuz</kernel>"));
  CHECK(contains(xml, "<cmdline>x=&quot;1&quot; &lt;y&gt;&#10;z</cmdline>"));
  CHECK(contains(xml, "<source file='/srv/&lt;a&gt;&amp;b.img'/>"));
  CHECK(contains(xml, "passwd='p&amp;&lt;&gt;&apos;q'"));
  require_schema_valid(xml);

  // libvirt reads back exactly the name in the config
  const Connection connection = open_connection("test:///default");
  REQUIRE(connection);
  const Domain domain(virDomainDefineXML(connection.get(), xml.c_str()));
  INFO(last_libvirt_error());
  REQUIRE(domain);
  CHECK(std::string(virDomainGetName(domain.get())) == "a<b>&'c\"");
  virDomainUndefine(domain.get());
}

TEST_CASE("lifecycle actions the qemu driver lacks become their nearest one there", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = 'l'\nkernel = '/k'\non_poweroff = 'preserve'\non_reboot = 'rename-restart'\n"
      "on_crash = 'preserve'\n");
  const std::string qemu = render_domain_xml(spec, "qemu");
  CHECK(contains(qemu, "<on_poweroff>destroy</on_poweroff>"));
  CHECK(contains(qemu, "<on_reboot>restart</on_reboot>"));
  CHECK(contains(qemu, "<on_crash>preserve</on_crash>"));
  const std::string xen = render_domain_xml(spec, "xen");
  CHECK(contains(xen, "<on_poweroff>preserve</on_poweroff>"));
  CHECK(contains(xen, "<on_reboot>rename-restart</on_reboot>"));
  require_schema_valid(xen);
}

TEST_CASE("what a driver cannot express is a ConfigError", "[virt]") {
  const DomainSpec iscsi = parse_xen_config(
      "name = 'v'\nkernel = '/k'\ndisk = [\n 'iscsi:iqn.2001-05.com.example:t,xvda,w' ]\n");
  try {
    render_domain_xml(iscsi, "qemu");
    FAIL("rendered a disk with block-iscsi");
  } catch (const ConfigError& error) {
    CHECK(error.line == 4);
    CHECK(contains(error.message, "block-iscsi"));
  }
  const DomainSpec soft_reset =
      parse_xen_config("name = 'v'\nkernel = '/k'\non_reboot = 'soft-reset'\n");
  CHECK_THROWS_AS(render_domain_xml(soft_reset, "xen"), ConfigError);
  CHECK_THROWS_AS(render_domain_xml(iscsi, "lxc"), std::invalid_argument);
}

TEST_CASE("mutated configs that parse render to schema-valid XML or a ConfigError", "[virt]") {
  const std::vector<std::string> seeds = {read_example("vm01.cfg"), read_example("vm02.cfg")};
  std::mt19937 random(31337);  // deterministic: a failure reproduces
  int validated = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string text = testing::mutate(seeds[round % seeds.size()], random);
    DomainSpec spec;
    try {
      spec = parse_xen_config(text);
    } catch (const ConfigError&) {
      continue;
    }
    for (const auto driver : {"qemu", "xen"}) {
      std::string xml;
      try {
        xml = render_domain_xml(spec, driver);
      } catch (const ConfigError&) {
        continue;
      }
      INFO(text << "\n" << xml);
      const cli::XmlDocument doc = cli::parse_xml(xml);  // well-formed, always
      // The RelaxNG check costs ~20 ms: a sample of the renderings is enough.
      if (round % 8 < 2) {
        CHECK(cli::relaxng_violations(doc.get(), "/usr/share/libvirt/schemas/domain.rng") ==
              std::vector<std::string>{});
        ++validated;
      }
    }
  }
  CHECK(validated > 20);
}

// libvirt's own xl/xm parser lives in its libxl driver, which needs a running Xen host:
// where one is reachable, hakit's reading of the examples must agree with libvirt's.
TEST_CASE("hakit and libvirt read the example configs alike on a Xen host", "[virt]") {
  const Connection connection = open_connection("xen:///system");
  if (!connection) {
    WARN("skipped: xen:///system is not reachable (" << last_libvirt_error() << ")");
    return;
  }
  for (const auto& [file, format] : {std::pair{"vm01.cfg", "xen-xm"}, {"vm02.cfg", "xen-xl"}}) {
    const std::string text = read_example(file);
    char* native = virConnectDomainXMLFromNative(connection.get(), format, text.c_str(), 0);
    INFO(file << ": " << last_libvirt_error());
    REQUIRE(native);
    const std::string theirs = native;
    free(native);
    const DomainSpec spec = parse_xen_config(text);
    CHECK(contains(theirs, "<name>" + spec.name + "</name>"));
    CHECK(contains(theirs, std::to_string(spec.memory_mib * 1024) + "</currentMemory>"));
    CHECK(contains(theirs, std::to_string(spec.max_vcpus) + "</vcpu>"));
    for (const auto& disk : spec.disks) {
      CHECK(contains(theirs, "dev='" + disk.vdev + "'"));
    }
    for (const auto& vif : spec.vifs) {
      CHECK(contains(theirs, "<mac address='" + vif.mac + "'/>"));
    }
  }
}

}  // namespace
}  // namespace hakit::virt
