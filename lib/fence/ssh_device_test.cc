#include "fence/ssh_device.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "metadata/fence_hakit_ssh.h"

using namespace hakit::fence;
using hakit::exec::Deadline;
using hakit::metadata::fence_hakit_ssh;

namespace {

ErrorKind error_kind(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.kind();
  }
  FAIL("no error");
  return ErrorKind::kFailed;
}

}  // namespace

TEST_CASE("ssh device: reboot only, self-confirming, only the nodes of hostlist", "[fence][ssh]") {
  Options options(fence_hakit_ssh);
  options.set("hostlist", "node1, Node2 node3");
  SshDevice device(options);
  const Capabilities capabilities = device.capabilities();
  CHECK(capabilities.cycle);
  CHECK(capabilities.self_confirming);

  const std::vector<Plug> plugs = device.list(Deadline::never());
  REQUIRE(plugs.size() == 3);
  CHECK(plugs[1].id == "Node2");

  // Refused before any name is looked up or any packet sent.
  CHECK(error_kind([&] { device.power_cycle("node9", Deadline::never()); }) ==
        ErrorKind::kUnknownTarget);
  CHECK(error_kind([&] { device.status("node9", Deadline::never()); }) ==
        ErrorKind::kUnknownTarget);
  CHECK(error_kind([&] { device.power_off("node1", Deadline::never()); }) ==
        ErrorKind::kUnsupported);
  CHECK(error_kind([&] { device.power_on("node1", Deadline::never()); }) ==
        ErrorKind::kUnsupported);

  SshDevice anywhere{Options(fence_hakit_ssh)};
  CHECK(error_kind([&] { anywhere.list(Deadline::never()); }) == ErrorKind::kUnsupported);
  CHECK(error_kind([&] { anywhere.power_cycle("no such host!", Deadline::never()); }) ==
        ErrorKind::kBadConfig);
}
