#include "virt/xen_disk_spec.h"

#include <catch2/catch.hpp>

namespace hakit::virt {
namespace {

int error_line(std::string_view spec) {
  try {
    parse_xen_disk_spec(spec, 7);
  } catch (const ConfigError& error) {
    return error.line;
  }
  return -1;
}

TEST_CASE("xm disk specs with prefixes", "[virt]") {
  const DiskSpec phy = parse_xen_disk_spec("phy:/dev/vg/lv,xvda,w", 3);
  CHECK(phy.target == "/dev/vg/lv");
  CHECK(phy.vdev == "xvda");
  CHECK(phy.backend == "phy");
  CHECK(phy.format == "raw");
  CHECK_FALSE(phy.readonly);
  CHECK_FALSE(phy.cdrom);
  CHECK(phy.is_block_device());
  CHECK(phy.line == 3);

  const DiskSpec file = parse_xen_disk_spec("file:/srv/x.img,hda,w", 1);
  CHECK(file.target == "/srv/x.img");
  CHECK(file.vdev == "hda");
  CHECK_FALSE(file.is_block_device());

  const DiskSpec tap = parse_xen_disk_spec("tap:aio:/srv/x.img,xvdb,r", 1);
  CHECK(tap.target == "/srv/x.img");
  CHECK(tap.backend == "tap");
  CHECK(tap.readonly);

  const DiskSpec qcow = parse_xen_disk_spec("tap:qcow2:/srv/y.qcow2,xvdc,w", 1);
  CHECK(qcow.format == "qcow2");
  CHECK(parse_xen_disk_spec("tap2:tapdisk:aio:/srv/z.img,xvdd,w", 1).target == "/srv/z.img");

  const DiskSpec drbd = parse_xen_disk_spec("drbd:r0,xvda,w", 1);
  CHECK(drbd.script == "block-drbd");
  CHECK(drbd.target == "r0");
  CHECK(drbd.is_block_device());

  // xmexample1: a device name relative to /dev
  CHECK(parse_xen_disk_spec("phy:hda1,hda1,w", 1).target == "/dev/hda1");
  // xmexample.hvm: an empty CD-ROM drive and the ioemu: spelling
  const DiskSpec cd = parse_xen_disk_spec(",hdc:cdrom,r", 1);
  CHECK(cd.cdrom);
  CHECK(cd.vdev == "hdc");
  CHECK(cd.target.empty());
  CHECK(cd.readonly);
  CHECK(parse_xen_disk_spec("file:/var/images/min.img,ioemu:hda,w", 1).vdev == "hda");
  CHECK(parse_xen_disk_spec("phy:/dev/sdb,xvda,w!", 1).readonly == false);
}

TEST_CASE("xl disk specs, positional and key=value", "[virt]") {
  const DiskSpec keyed =
      parse_xen_disk_spec("format=raw, vdev=xvda, access=rw, target=/dev/vg/lv", 1);
  CHECK(keyed.target == "/dev/vg/lv");
  CHECK(keyed.vdev == "xvda");
  CHECK(keyed.format == "raw");
  CHECK_FALSE(keyed.readonly);

  // xl-disk-configuration(5): these are the same disk
  for (const auto spec : {"/dev/vg/guest-volume,,hda", "/dev/vg/guest-volume,raw,hda,rw",
                          "format=raw, vdev=hda, access=rw, target=/dev/vg/guest-volume",
                          "raw:/dev/vg/guest-volume,hda,w"}) {
    const DiskSpec disk = parse_xen_disk_spec(spec, 1);
    INFO(spec);
    CHECK(disk.target == "/dev/vg/guest-volume");
    CHECK(disk.vdev == "hda");
    CHECK(disk.format == "raw");
    CHECK_FALSE(disk.readonly);
    CHECK_FALSE(disk.cdrom);
  }
  // ... and so are these
  for (const auto spec : {"/root/image.iso,,hdc,cdrom", "/root/image.iso,,hdc,,cdrom",
                          "/root/image.iso,raw,hdc,devtype=cdrom",
                          "format=raw, vdev=hdc, access=ro, devtype=cdrom, target=/root/image.iso",
                          "raw:/root/image.iso,hdc:cdrom,ro"}) {
    const DiskSpec disk = parse_xen_disk_spec(spec, 1);
    INFO(spec);
    CHECK(disk.target == "/root/image.iso");
    CHECK(disk.vdev == "hdc");
    CHECK(disk.cdrom);
    CHECK(disk.readonly);
  }
  // target= takes the rest, commas included
  CHECK(parse_xen_disk_spec("vdev=xvda, target=/srv/a,b.img", 1).target == "/srv/a,b.img");
  const DiskSpec script = parse_xen_disk_spec("vdev=xvda, script=block-drbd, target=r0", 1);
  CHECK(script.script == "block-drbd");
  CHECK(parse_xen_disk_spec("/srv/q.qcow2,qcow2,xvdb,w", 1).format == "qcow2");
  CHECK(parse_xen_disk_spec("/srv/x.img,xvda,w", 1).vdev == "xvda");  // xm order unprefixed
  CHECK(parse_xen_disk_spec("backendtype=phy,vdev=xvda,target=/dev/sdb", 1).backend == "phy");
  CHECK(parse_xen_disk_spec("/dev/sdb,raw,xvda,rw,discard", 1).target == "/dev/sdb");
}

TEST_CASE("bad disk specs are ConfigErrors on the entry's line", "[virt]") {
  CHECK(error_line("phy:/dev/vg/lv,xvda,x") == 7);  // unknown mode
  CHECK(error_line("phy:/dev/vg/lv,xvda,rwx") == 7);
  CHECK(error_line("phy:/dev/vg/lv") == 7);                  // no vdev
  CHECK(error_line("/srv/x.img,vmdk,xvda") == 7);            // unknown format
  CHECK(error_line("vdev=xvda") == 7);                       // no target for a disk
  CHECK(error_line("vdev=xvda,target=/a,vdev=xvdb") == -1);  // target= takes the rest
  CHECK(error_line("vdev=xvda,vdev=xvdb,target=/a") == 7);   // twice
  CHECK(error_line("/a,raw,xvda,w,extra") == 7);             // too many fields
  CHECK(error_line("colour=blue,vdev=xvda,target=/a") == 7);
  CHECK(error_line("/a,,xvd/a") == 7);
  CHECK(error_line("devtype=floppy,vdev=xvda,target=/a") == 7);
  try {
    parse_xen_disk_spec("phy:/dev/vg/lv,xvda,x", 7);
  } catch (const ConfigError& error) {
    CHECK(error.message ==
          "disk 'phy:/dev/vg/lv,xvda,x': unknown disk mode \"x\" (r, ro, w or rw)");
  }
}

}  // namespace
}  // namespace hakit::virt
