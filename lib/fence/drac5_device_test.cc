#include "fence/drac5_device.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "metadata/fence_hakit_drac5.h"

using namespace hakit::fence;
using hakit::exec::Deadline;
using hakit::metadata::fence_hakit_drac5;

namespace {

Options drac_options(std::vector<std::pair<std::string, std::string>> extra = {}) {
  Options options(fence_hakit_drac5);
  options.set("ip", "192.0.2.5");
  options.set("username", "root");
  for (auto& [name, value] : extra) options.set(name, value);
  return options;
}

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

TEST_CASE("racadm's power status: ON or OFF, anything else is no answer", "[fence][drac5]") {
  CHECK(parse_power_status("Server power status: ON\n") == PowerState::kOn);
  CHECK(parse_power_status("\r\nserver power status: off\r\n$ ") == PowerState::kOff);
  CHECK(parse_power_status("Dell Remote Access Controller 5\nServer power status: OFF") ==
        PowerState::kOff);
  for (const char* output : {"", "Server power status: Powering ON", "ERROR: Login failed",
                             "Server power operation successful", "Server power status:"}) {
    INFO(output);
    CHECK(error_kind([&] { parse_power_status(output); }) == ErrorKind::kFailed);
  }
}

TEST_CASE("drac5: configuration, the one server of a DRAC 5, a CMC's modules", "[fence][drac5]") {
  CHECK(error_kind([] { Drac5Device(drac_options({{"ssh", "0"}})); }) == ErrorKind::kBadConfig);
  CHECK(error_kind([] {
          Drac5Device(drac_options({{"drac_version", "DRAC MC"}}));
        }) == ErrorKind::kBadConfig);

  Drac5Device unnamed(drac_options());
  CHECK(unnamed.sole_target() == "192.0.2.5");
  CHECK(error_kind([&] { unnamed.list(Deadline::never()); }) == ErrorKind::kUnsupported);

  // Refused before anything is sent (192.0.2.5 is never contacted).
  Drac5Device node5(drac_options({{"hostname", "node5"}}));
  CHECK(node5.sole_target() == "node5");
  CHECK(node5.list(Deadline::never()).at(0).id == "node5");
  CHECK(error_kind([&] { node5.power_off("node9", Deadline::never()); }) ==
        ErrorKind::kUnknownTarget);

  Drac5Device cmc(drac_options({{"drac_version", "DRAC CMC"}}));
  CHECK_FALSE(cmc.sole_target().has_value());
  CHECK(error_kind([&] { cmc.status("server-1; reboot", Deadline::never()); }) ==
        ErrorKind::kUnknownTarget);
}
