#include "virt/xen_config.h"

#include <catch2/catch.hpp>
#include <random>

#include "virt/config_mutation_for_tests.h"
#include "virt/examples_for_tests.h"

namespace hakit::virt {
namespace {

using testing::read_example;

ConfigError error_of(std::string_view text) {
  try {
    parse_xen_config(text);
  } catch (const ConfigError& error) {
    return error;
  }
  FAIL("parsed without an error: " << text);
  throw;  // not reached
}

TEST_CASE("examples/xen/vm01.cfg: an xm PV guest on DRBD", "[virt]") {
  const DomainSpec spec = parse_xen_config(read_example("vm01.cfg"));
  CHECK(spec.name == "vm01");
  CHECK(spec.uuid == "8a2c1f0e-3b4d-4e5f-9a6b-7c8d9e0f1a2b");
  CHECK(spec.type == GuestType::kPv);
  CHECK(spec.memory_mib == 512);
  CHECK(spec.max_memory_mib == 1024);
  CHECK(spec.vcpus == 2);
  CHECK(spec.max_vcpus == 2);
  CHECK(spec.cpus == "0-3");
  CHECK(spec.cpu_weight == 512u);
  CHECK(spec.kernel == "/boot/vmlinuz-xen");
  CHECK(spec.ramdisk == "/boot/initrd-xen");
  CHECK(spec.kernel_command_line() == "root=/dev/xvda1 ro console=hvc0 xencons=tty");
  REQUIRE(spec.disks.size() == 4);
  CHECK(spec.disks[0].script == "block-drbd");
  CHECK(spec.disks[0].target == "vm01");
  CHECK(spec.disks[0].line == 19);
  CHECK(spec.disks[1].target == "/dev/vg_cluster/vm01-swap");
  CHECK(spec.disks[2].target == "/srv/xen/images/vm01-data.img");
  CHECK(spec.disks[3].cdrom);
  CHECK(spec.disks[3].readonly);
  CHECK(spec.disks[3].vdev == "xvdd");
  REQUIRE(spec.vifs.size() == 2);
  CHECK(spec.vifs[0].mac == "00:16:3e:10:00:01");
  CHECK(spec.vifs[0].bridge == "xenbr0");
  CHECK(spec.vifs[1].bridge == "xenbr1");
  CHECK(spec.vifs[1].script == "vif-bridge");
  REQUIRE(spec.vnc);
  CHECK(spec.vnc->listen == "127.0.0.1");
  CHECK(spec.vnc->unused);
  CHECK(spec.on_poweroff == LifecycleAction::kDestroy);
  CHECK(spec.on_reboot == LifecycleAction::kRestart);
  CHECK(spec.on_crash == LifecycleAction::kRestart);
  CHECK(spec.unused_keys.empty());
}

TEST_CASE("examples/xen/vm02.cfg: an xl HVM guest", "[virt]") {
  const DomainSpec spec = parse_xen_config(read_example("vm02.cfg"));
  CHECK(spec.name == "vm02");
  CHECK(spec.type == GuestType::kHvm);
  CHECK(spec.memory_mib == 1024);
  CHECK(spec.vcpus == 2);
  CHECK(spec.max_vcpus == 4);
  REQUIRE(spec.disks.size() == 3);
  CHECK(spec.disks[0].target == "/dev/vg_cluster/vm02");
  CHECK(spec.disks[0].vdev == "hda");
  CHECK(spec.disks[1].format == "qcow2");
  CHECK(spec.disks[1].vdev == "hdb");
  CHECK(spec.disks[2].cdrom);
  CHECK(spec.disks[2].line == 12);
  REQUIRE(spec.vifs.size() == 1);
  CHECK(spec.vifs[0].model == "e1000");
  CHECK(spec.boot == "dc");
  CHECK(spec.acpi == true);
  CHECK_FALSE(spec.localtime);
  CHECK(spec.serial == "pty");
  CHECK(spec.usbdevice == "tablet");
  REQUIRE(spec.vnc);
  CHECK(spec.vnc->listen == "0.0.0.0");
  CHECK(spec.vnc->display == 2);
  CHECK_FALSE(spec.vnc->unused);
  CHECK(spec.on_crash == LifecycleAction::kCoredumpRestart);
}

// The shape of Xen's own xmexample1 (tools/examples): a PV guest, an empty vif and a
// device name relative to /dev, with the many commented-out alternatives.
TEST_CASE("an xmexample1-style PV config", "[virt]") {
  const DomainSpec spec = parse_xen_config(R"(#  -*- mode: python; -*-
#============================================================================
# Python configuration setup for 'xm create'.
#============================================================================
kernel = "/boot/vmlinuz-2.6.10-xenU"
#ramdisk = "/boot/initrd.gz"
#builder='linux'
memory = 64
name = "ExampleDomain"
#cpus = "0-3,5,^1" # run on cpus 0,2,3,5
#vcpus = 1
vif = [ '' ]
disk = [ 'phy:hda1,hda1,w' ]
#vfb = [ 'type=vnc,vncunused=1' ]
#vtpm = [ 'instance=1,backend=0' ]
#hostname= "vm%d" % vmid
root = "/dev/hda1 ro"
extra = "4"
#on_poweroff = 'destroy'
)");
  CHECK(spec.name == "ExampleDomain");
  CHECK(spec.memory_mib == 64);
  CHECK(spec.kernel_command_line() == "root=/dev/hda1 ro 4");
  REQUIRE(spec.disks.size() == 1);
  CHECK(spec.disks[0].target == "/dev/hda1");
  CHECK(spec.disks[0].vdev == "hda1");
  REQUIRE(spec.vifs.size() == 1);
  CHECK(spec.vifs[0].bridge.empty());
}

// The shape of xmexample.hvm without its Python preamble (import os ...), which hakit
// does not run: hvmloader as kernel, ioemu vif, an empty CD-ROM.
TEST_CASE("an xmexample.hvm-style HVM config", "[virt]") {
  const std::string body = R"(kernel = "/usr/lib/xen/boot/hvmloader"
builder='hvm'
memory = 128
shadow_memory = 8
name = "ExampleHVMDomain"
acpi=1
apic=1
vif = [ 'type=ioemu, bridge=xenbr0' ]
disk = [ 'file:/var/images/min-el3-i386.img,hda,w', ',hdc:cdrom,r' ]
boot="cda"
sdl=0
vnc=1
vncconsole=1
vnclisten="127.0.0.1"
vncunused=1
stdvga=0
serial='pty'
usbdevice='mouse'
)";
  const DomainSpec spec = parse_xen_config(body);
  CHECK(spec.type == GuestType::kHvm);
  CHECK(spec.kernel.empty());  // the firmware loader is not a guest kernel
  CHECK(spec.boot == "cda");
  REQUIRE(spec.disks.size() == 2);
  CHECK(spec.disks[1].cdrom);
  CHECK(spec.disks[1].target.empty());
  CHECK(spec.vnc);
  CHECK_FALSE(spec.sdl);
  CHECK(spec.usbdevice == "mouse");
  CHECK(spec.unused_keys == std::vector<std::string>{"shadow_memory", "vncconsole"});
  CHECK(spec.video.empty());  // stdvga=0

  // with the preamble: a clear error on its first line
  const ConfigError error = error_of("import os, re\narch = os.uname()[4]\n" + body);
  CHECK(error.line == 1);
  const ConfigError device_model =
      error_of(body + "device_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'\n");
  CHECK(device_model.line == 19);
}

// xl.cfg(5) and the xlexample files shipped with Xen 4.x.
TEST_CASE("xl PV, PVH and pygrub configs", "[virt]") {
  const DomainSpec pv = parse_xen_config(R"(
name = "example.pv"
type = "pv"
kernel = "/boot/vmlinuz"
ramdisk = "/boot/initrd.gz"
cmdline = "root=/dev/xvda1 console=hvc0"
memory = 128
maxmem = 512
vcpus = 2
vif = [ 'mac=00:16:3e:12:34:56,bridge=xenbr0' ]
disk = [ '/dev/vg/guest-volume,raw,xvda,rw' ]
on_crash = "preserve"
)");
  CHECK(pv.type == GuestType::kPv);
  CHECK(pv.kernel_command_line() == "root=/dev/xvda1 console=hvc0");
  CHECK(pv.max_memory_mib == 512);
  CHECK(pv.on_crash == LifecycleAction::kPreserve);

  const DomainSpec pvh =
      parse_xen_config("name = 'p'\ntype = 'pvh'\nkernel = '/boot/vmlinuz'\nmemory = 256\n");
  CHECK(pvh.type == GuestType::kPvh);

  const DomainSpec grub = parse_xen_config(
      "name = 'g'\nbootloader = 'pygrub'\nbootloader_args = ['--kernel=/vmlinuz', '-q']\n"
      "disk = ['phy:/dev/vg/g,xvda,w']\n");
  CHECK(grub.bootloader == "pygrub");
  CHECK(grub.bootloader_args == std::vector<std::string>{"--kernel=/vmlinuz", "-q"});
  CHECK(grub.memory_mib == 32);  // libxl's default

  const DomainSpec hvm = parse_xen_config(R"(
builder = "hvm"
name = "example.hvm"
memory = 512
vcpus = 1
cpus = ["2", "3"]
cpu_cap = 50
vfb = [ "vnc=1,vncdisplay=5,vncpasswd=s3cr&t<" ]
serial = [ "pty" ]
pae = 0
localtime = 1
)");
  CHECK(hvm.cpus == "2,3");
  CHECK(hvm.cpu_cap == 50u);
  REQUIRE(hvm.vnc);
  CHECK(hvm.vnc->display == 5);
  CHECK(hvm.vnc->password == "s3cr&t<");
  CHECK(hvm.pae == false);
  CHECK(hvm.localtime);
}

TEST_CASE("xm kernel network arguments, NFS root and the restart policy", "[virt]") {
  const DomainSpec nfs = parse_xen_config(R"(name = 'nfsguest'
kernel = '/boot/vmlinuz'
ip = '192.0.2.10'
netmask = '255.255.255.0'
gateway = '192.0.2.1'
hostname = 'vm-nfs'
nfs_server = '192.0.2.2'
nfs_root = '/export/root'
root = 'root=/dev/nfs'
extra = '3'
restart = 'always'
on_crash = 'preserve'
)");
  CHECK(nfs.kernel_command_line() ==
        "ip=192.0.2.10:192.0.2.2:192.0.2.1:255.255.255.0:vm-nfs:eth0:off root=/dev/nfs "
        "nfsroot=192.0.2.2:/export/root 3");
  CHECK(nfs.on_poweroff == LifecycleAction::kRestart);
  CHECK(nfs.on_reboot == LifecycleAction::kRestart);
  CHECK(nfs.on_crash == LifecycleAction::kPreserve);  // set explicitly
  CHECK(nfs.unused_keys.empty());

  const DomainSpec dhcp =
      parse_xen_config("name = 'd'\nkernel = '/k'\ndhcp = 'dhcp'\nrestart = 'never'\n");
  CHECK(dhcp.kernel_command_line() == "ip=:127.0.255.255::::eth0:dhcp");
  CHECK(dhcp.on_reboot == LifecycleAction::kDestroy);

  CHECK(error_of("name = 'd'\nkernel = '/k'\nnfs_root = '/x'\n").line == 3);
  CHECK(error_of("name = 'd'\nkernel = '/k'\nrestart = 'sometimes'\n").line == 3);
}

TEST_CASE("HVM clock and video settings", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = 'w'\ntype = 'hvm'\nrtc_timeoffset = -3600\nlocaltime = 1\nstdvga = 1\n"
      "videoram = 16\nvnc = 1\nnographic = 1\n");
  CHECK(spec.rtc_timeoffset == -3600);
  CHECK(spec.video == "vga");
  CHECK(spec.videoram_mib == 16);
  CHECK_FALSE(spec.vnc);  // nographic wins
  CHECK(parse_xen_config("name = 'w'\ntype = 'hvm'\nvga = 'qxl'\n").video == "qxl");
  CHECK(error_of("name = 'w'\ntype = 'hvm'\nvga = 'ega'\n").line == 3);
  CHECK(error_of("name = 'w'\ntype = 'hvm'\nrtc_timeoffset = 'soon'\n").line == 3);
}

TEST_CASE("malformed guest configs are ConfigErrors with the line at fault", "[virt]") {
  const std::string head = "name = 'vm'\nkernel = '/boot/vmlinuz'\n";  // lines 1-2
  CHECK(error_of(head + "memory = 'lots'\n").line == 3);
  CHECK(error_of(head + "memory = 0\n").line == 3);
  CHECK(error_of(head + "memory = -5\n").line == 3);
  CHECK(error_of(head + "memory = 512MB\n").line == 3);
  CHECK(error_of(head + "memory = [512]\n").line == 3);
  CHECK(error_of(head + "vcpus = 0\n").line == 3);
  CHECK(error_of(head + "memory = 512\nmaxmem = 256\n").line == 4);
  CHECK(error_of(head + "vcpus = 4\nmaxvcpus = 2\n").line == 4);
  CHECK(error_of(head + "type = 'hvmx'\n").line == 3);
  CHECK(error_of(head + "on_crash = 'explode'\n").line == 3);
  CHECK(error_of(head + "uuid = 'not-a-uuid'\n").line == 3);
  CHECK(error_of(head + "boot = 'cx'\n").line == 3);
  CHECK(error_of(head + "cpus = 'nodes:0'\n").line == 3);
  CHECK(error_of(head + "serial = 'tcp:1.2.3.4:5'\n").line == 3);
  CHECK(error_of(head + "disk = [ 'phy:/dev/vg/a,xvda,w',\n"
                        "         'phy:/dev/vg/b,xvdb,q' ]\n")
            .line == 4);  // unknown disk mode, on the entry's own line
  CHECK(error_of(head + "vif = [ 'mac=zz' ]\n").line == 3);
  CHECK(error_of(head + "vfb = [ 'vnc=1,vncdisplay=x' ]\n").line == 3);
  CHECK(error_of(head + "disk = [ 'phy:/dev/vg/a,xvda,w',\n").line == 3);  // unterminated list
  CHECK(error_of(head + "extra = 'console=hvc0\n").line == 3);             // unterminated string
  CHECK(error_of(head + "Memory Size = 5\n").line == 3);                   // bad key
  CHECK(error_of(head + "name = ''\n").line == 3);
  // what libvirt's schema would refuse is refused here, on its line
  CHECK(error_of(head + "name = 'two\\nlines'\n").line == 3);
  CHECK(error_of(head + "kernel = 'vmlinuz'\n").line == 3);
  CHECK(error_of(head + "ramdisk = '/boot/initrd\\n'\n").line == 3);
  CHECK(error_of(head + "disk = [ 'file:images/a.img,xvda,w' ]\n").line == 3);
  CHECK(error_of(head + "disk = [ 'phy:/dev/a,hd,w' ]\n").line == 3);
  CHECK(error_of(head + "vif = [ 'bridge=br<0>' ]\n").line == 3);
  CHECK(error_of(head + "vnclisten = 'any where'\n").line == 3);
  CHECK(error_of(head + "vfb = [ 'vnc=1,vnclisten=*' ]\n").line == 3);
  CHECK(error_of(head + "serial = '/dev/ttyS0\\n'\n").line == 3);
  CHECK(error_of(head + "pci = [ '0000:03:00.0',\n        '03:00.*' ]\n").line == 4);

  const ConfigError no_name = error_of("memory = 512\nkernel = '/boot/vmlinuz'\n");
  CHECK(no_name.line == 0);
  CHECK(std::string(no_name.what()).find("name") != std::string::npos);
  CHECK(error_of("name = 'pv-without-kernel'\n").line == 0);

  const ConfigError mode = error_of(head + "disk = ['phy:/dev/vg/a,xvda,x']\n");
  CHECK(std::string(mode.what()) ==
        "line 3: disk 'phy:/dev/vg/a,xvda,x': unknown disk mode \"x\" (r, ro, w or rw)");
}

TEST_CASE("later settings win and vnc = 0 turns the display off", "[virt]") {
  const DomainSpec spec = parse_xen_config(
      "name = 'a'\nname = 'b'\nkernel = '/k'\nvnclisten = '0.0.0.0'\nvnc = 0\n"
      "memory = 0x100\n");
  CHECK(spec.name == "b");
  CHECK_FALSE(spec.vnc);
  CHECK(spec.memory_mib == 256);
}

TEST_CASE("any mutated config either parses or is a ConfigError with a line in the file",
          "[virt]") {
  const std::vector<std::string> seeds = {read_example("vm01.cfg"), read_example("vm02.cfg")};
  std::mt19937 random(20261122);  // deterministic: a failure reproduces
  int parsed = 0;
  int rejected = 0;
  for (int round = 0; round < 600; ++round) {
    const std::string text = testing::mutate(seeds[round % seeds.size()], random);
    const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    try {
      const DomainSpec spec = parse_xen_config(text);
      CHECK_FALSE(spec.name.empty());
      ++parsed;
    } catch (const ConfigError& error) {
      INFO(text);
      CHECK(error.line >= 0);
      CHECK(error.line <= lines);
      CHECK_FALSE(error.message.empty());
      ++rejected;
    }
  }
  // both outcomes occur, or the mutations did not exercise the parser
  CHECK(parsed > 50);
  CHECK(rejected > 50);
}

}  // namespace
}  // namespace hakit::virt
