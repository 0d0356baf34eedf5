#include "virt/emulator_process.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include "virt/domain.h"

using namespace hakit::virt;

TEST_CASE("is_emulator_of recognises a domain's qemu command line", "[virt]") {
  // As libvirt 9 starts qemu (captured from the lab's libvirtd), shortened.
  const std::vector<std::string> qemu = {
      "/usr/bin/qemu-system-x86_64", "-name", "guest=vm1,debug-threads=on", "-S", "-machine", "pc"};
  CHECK(is_emulator_of(qemu, "vm1"));
  CHECK_FALSE(is_emulator_of(qemu, "vm"));
  CHECK(is_emulator_of({"/usr/bin/kvm", "-name", "vm1"}, "vm1"));
  CHECK_FALSE(is_emulator_of({"/bin/sleep", "-name", "guest=vm1"}, "vm1"));
  CHECK_FALSE(is_emulator_of({}, "vm1"));
  CHECK_FALSE(find_emulator("hakit-no-such-domain"));
}

TEST_CASE("shutdown_flags accepts virsh's shutdown modes", "[virt]") {
  CHECK(shutdown_flags("") == 0u);
  CHECK(shutdown_flags("acpi,agent") ==
        (VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN | VIR_DOMAIN_SHUTDOWN_GUEST_AGENT));
  CHECK_FALSE(shutdown_flags("poweroff"));
}
