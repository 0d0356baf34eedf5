// What an IPMI device decides before it talks to any BMC: which targets it owns, what it
// lists, and which target an action without a plug acts on. (The BMC conversation itself
// is tested against ipmi_sim: tests/integration/fence_ipmi_test.cc.)
#include "fence/ipmi_device.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "fence/power_action.h"
#include "metadata/fence_hakit_ipmi.h"

using namespace hakit::fence;
using hakit::exec::Deadline;

namespace {

// Nothing listens here, and no test gets far enough to send anything.
const std::string kBmc = "ip=127.0.0.1\nipport=9\nlogin_timeout=0.2\n";

Options options_of(const std::string& text) {
  return Options::from_stdin(hakit::metadata::fence_hakit_ipmi, kBmc + text);
}

ErrorKind error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.kind();
  }
  FAIL("no error");
  return ErrorKind::kFailed;
}

}  // namespace

TEST_CASE("with hostname, an IPMI device owns that node only, whatever its case", "[fence][ipmi]") {
  const Options options = options_of("hostname=node2\n");
  IpmiDevice device(options);
  CHECK(device.capabilities().list);
  CHECK(device.capabilities().cycle);
  CHECK_FALSE(device.capabilities().self_confirming);
  const std::vector<Plug> plugs = device.list(Deadline::in(std::chrono::seconds(1)));
  REQUIRE(plugs.size() == 1);
  CHECK(plugs[0].id == "node2");

  const Deadline deadline = Deadline::in(std::chrono::seconds(5));
  for (const auto& action : std::vector<std::function<void()>>{
           [&] { device.status("node3", deadline); },
           [&] { device.power_off("node3", deadline); },
           [&] { device.power_on("node22", deadline); },
           [&] { device.power_cycle("node", deadline); },
       }) {
    CHECK(error_of(action) == ErrorKind::kUnknownTarget);
  }
  // Its own node, in any case, gets as far as the BMC (which is not there).
  CHECK(error_of([&] { device.power_off("NODE2", deadline); }) == ErrorKind::kUnreachable);
}

TEST_CASE("an action that names no target acts on the BMC's machine", "[fence][ipmi]") {
  const Options named = options_of("hostname=node2\n");
  const Options anonymous = options_of("");
  const IpmiDevice with_hostname(named);
  const IpmiDevice without(anonymous);
  CHECK(action_target(with_hostname, named) == "node2");
  CHECK(action_target(without, anonymous) == "127.0.0.1");
  CHECK(action_target(without, options_of("port=node7\n")) == "node7");
  Options from_fencer = options_of("");
  from_fencer.set("nodename", "node5");
  CHECK(action_target(without, from_fencer) == "node5");
}

TEST_CASE("without hostname, an IPMI device cannot list and takes any plug for its machine",
          "[fence][ipmi]") {
  const Options options = options_of("");
  IpmiDevice device(options);
  CHECK_FALSE(device.capabilities().list);
  CHECK(error_of([&] { device.list(Deadline::in(std::chrono::seconds(1))); }) ==
        ErrorKind::kUnsupported);
  CHECK(error_of([&] { device.status("anything", Deadline::in(std::chrono::seconds(5))); }) ==
        ErrorKind::kUnreachable);
}

TEST_CASE("a bad IPMI configuration fails when the device is made: validate-all", "[fence][ipmi]") {
  const Options options = options_of("lanplus=1\ncipher=17\n");
  CHECK(error_of([&] { IpmiDevice device(options); }) == ErrorKind::kBadConfig);
}
