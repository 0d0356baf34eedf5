#include "virt/local_daemon.h"

#include <catch2/catch.hpp>

namespace hakit::virt {
namespace {

std::optional<LocalDaemon> daemon_for(std::string_view uri, bool modular = false) {
  return local_daemon_for(uri, [modular](const std::string& path) {
    return modular && path.find("virt") != std::string::npos;
  });
}

TEST_CASE("local daemon: system URIs map to the socket libvirt's client would use", "[virt][rpc]") {
  auto daemon = daemon_for("qemu:///system");
  REQUIRE(daemon);
  CHECK(daemon->socket == "/run/libvirt/libvirt-sock-ro");
  CHECK(daemon->uri == "qemu:///system");

  daemon = daemon_for("qemu:///system", true);  // virtqemud listens: libvirt asks it directly
  REQUIRE(daemon);
  CHECK(daemon->socket == "/run/libvirt/virtqemud-sock-ro");
  daemon = daemon_for("xen:///system", true);
  REQUIRE(daemon);
  CHECK(daemon->socket == "/run/libvirt/virtxend-sock-ro");
  CHECK(daemon->uri == "xen:///system");

  daemon = daemon_for("qemu+unix:///system?socket=/srv/lab/run/libvirt-sock");
  REQUIRE(daemon);
  CHECK(daemon->socket == "/srv/lab/run/libvirt-sock");
  CHECK(daemon->uri == "qemu:///system");
}

TEST_CASE("local daemon: other URIs are left to libvirt", "[virt][rpc]") {
  for (const char* uri :
       {"", "test:///default", "qemu:///session", "qemu+ssh://node2/system", "qemu://node2/system",
        "qemu+tcp://127.0.0.1:16509/system", "qemu+tls://node2/system", "vbox:///session",
        "qemu+unix:///system?mode=direct", "qemu+unix:///system?socket=/a&mode=legacy",
        "qemu+unix:///system?socket=", "qemu:/system", "xen://"}) {
    INFO(uri);
    CHECK_FALSE(daemon_for(uri));
  }
}

}  // namespace
}  // namespace hakit::virt
