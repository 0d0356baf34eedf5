#include "storage/device_spec.h"

#include <catch2/catch.hpp>
#include <functional>

#include "exec/deadline.h"
#include "ocf/error.h"
#include "ocf/failure_for_tests.h"

using hakit::ocf::Error;
using hakit::ocf::ExitCode;
using hakit::ocf::failure_of;
using hakit::storage::DeviceKind;
using hakit::storage::DeviceSpec;
using hakit::storage::filesystem_type;
using hakit::storage::has_mount_option;
using hakit::storage::locate_device;

namespace {

DeviceSpec parse(const std::string& device, const std::string& fstype = "ext4",
                 const std::string& options = "") {
  return DeviceSpec::parse(device, filesystem_type(fstype), options);
}

}  // namespace

TEST_CASE("UUID and label forms of mount(8) are recognised", "[storage][device_spec]") {
  for (const char* form :
       {"-U 1234-abcd", "-U1234-abcd", "--uuid=1234-abcd", "--uuid 1234-abcd", "UUID=1234-abcd"}) {
    INFO(form);
    const DeviceSpec spec = parse(form);
    CHECK(spec.kind == DeviceKind::kUuid);
    CHECK(spec.value == "1234-abcd");
    CHECK(spec.describe() == "UUID=1234-abcd");
  }
  for (const char* form : {"-L data", "-Ldata", "--label=data", "--label data", "LABEL=data"}) {
    INFO(form);
    const DeviceSpec spec = parse(form);
    CHECK(spec.kind == DeviceKind::kLabel);
    CHECK(spec.value == "data");
  }
  CHECK(failure_of([] { parse("-U "); }).code == ExitCode::kErrConfigured);
  CHECK(failure_of([] { parse("LABEL="); }).code == ExitCode::kErrConfigured);
}

TEST_CASE("absolute paths, network sources, binds and names", "[storage][device_spec]") {
  CHECK(parse("/dev/sdb1").kind == DeviceKind::kPath);
  CHECK(parse("  /dev/sdb1 ").value == "/dev/sdb1");
  CHECK(parse("nfs1:/export/home", "nfs").kind == DeviceKind::kNetwork);
  CHECK(parse("//server/share", "cifs").kind == DeviceKind::kNetwork);
  CHECK(parse(":/volumes/x", "ceph").kind == DeviceKind::kNetwork);
  // A network-looking source is accepted whatever the type says (fuse.sshfs, ...).
  CHECK(parse("user@host:/dir", "fuse.sshfs").kind == DeviceKind::kNetwork);
  CHECK(parse("/srv/export", "none", "bind").kind == DeviceKind::kDirectory);
  CHECK(parse("/srv/export", "none", "rw,bind,ro").kind == DeviceKind::kDirectory);
  CHECK(parse("tmpfs", "tmpfs").kind == DeviceKind::kName);
  CHECK(parse("tank/data", "zfs").kind == DeviceKind::kName);
}

TEST_CASE("relative device paths are configuration errors", "[storage][device_spec]") {
  CHECK(failure_of([] { parse("sdb1"); }).code == ExitCode::kErrConfigured);
  CHECK(failure_of([] { parse("dev/sdb1", "xfs"); }).code == ExitCode::kErrConfigured);
  CHECK(failure_of([] { parse("srv/export", "none", "bind"); }).code == ExitCode::kErrConfigured);
  try {
    parse("sdb1");
  } catch (const Error& error) {
    CHECK_THAT(error.what(), Catch::Contains("sdb1") && Catch::Contains("absolute"));
  }
}

TEST_CASE("mount options are matched whole", "[storage][device_spec]") {
  CHECK(has_mount_option("noatime,ro", "ro"));
  CHECK(has_mount_option("ro", "ro"));
  CHECK_FALSE(has_mount_option("errors=remount-ro", "ro"));
  CHECK_FALSE(has_mount_option("rbind", "bind"));
  CHECK_FALSE(has_mount_option("", "ro"));
}

TEST_CASE("a missing device is not installed on this node", "[storage][device_spec]") {
  const auto deadline = hakit::exec::Deadline::in(std::chrono::seconds(10));
  const auto missing = parse("/dev/hakit-no-such-device");
  CHECK(failure_of([&] { locate_device(missing, false, deadline); }).code ==
        ExitCode::kErrInstalled);
  // A regular file is only a device with -o loop.
  const auto file = parse("/proc/self/status");
  CHECK(failure_of([&] { locate_device(file, false, deadline); }).code == ExitCode::kErrInstalled);
  CHECK(locate_device(file, true, deadline) == "/proc/self/status");
  const auto bind = parse("/proc/self/status", "none", "bind");
  CHECK(failure_of([&] { locate_device(bind, false, deadline); }).code == ExitCode::kErrInstalled);
  CHECK(locate_device(parse("/tmp", "none", "bind"), false, deadline) == "/tmp");
  CHECK(locate_device(parse("srv:/x", "nfs"), false, deadline) == "srv:/x");
  const auto unknown_uuid = parse("UUID=00000000-hakit-no-such-uuid");
  CHECK(failure_of([&] { locate_device(unknown_uuid, false, deadline); }).code ==
        ExitCode::kErrInstalled);
}
