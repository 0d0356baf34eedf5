#include "fence/verified_power.h"

#include <catch2/catch.hpp>

#include "fence/error.h"
#include "fence/fake_device_for_tests.h"

using namespace hakit::fence;
using namespace std::chrono_literals;
using hakit::exec::Clock;
using hakit::exec::Deadline;
using hakit::exec::Millis;
using testing::FakeDevice;

namespace {

constexpr PowerState kOn = PowerState::kOn;
constexpr PowerState kOff = PowerState::kOff;

// Short enough for unit tests; long enough for a few reads.
const PowerTiming kFast{.power_timeout = 400ms, .power_wait = 0ms, .poll_interval = 100ms};

ErrorKind failure_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.kind();
  }
  FAIL("the action succeeded");
  return ErrorKind::kFailed;
}

Millis elapsed_since(Clock::time_point start) {
  return std::chrono::duration_cast<Millis>(Clock::now() - start);
}

}  // namespace

TEST_CASE("off succeeds only once the device reads the target back off", "[fence][verify]") {
  FakeDevice device({kOn, kOn, kOn, kOff});
  VerifiedPower(device, kFast).off("3", Deadline::in(10s));
  CHECK(device.requests == std::vector<std::string>{"off:3"});
  CHECK(device.status_reads == 4);
}

TEST_CASE("off of a target the device reads as off asks for nothing", "[fence][verify]") {
  FakeDevice device({kOff});
  VerifiedPower(device, kFast).off("3", Deadline::in(10s));
  CHECK(device.requests.empty());
}

TEST_CASE("a target that stays on is a timeout within power_timeout, never a success",
          "[fence][verify]") {
  FakeDevice device({kOn});
  const auto start = Clock::now();
  CHECK(failure_of([&] { VerifiedPower(device, kFast).off("3", Deadline::in(10s)); }) ==
        ErrorKind::kTimeout);
  CHECK(elapsed_since(start) < 1500ms);
  CHECK(device.status_reads > 2);
}

TEST_CASE("an unreadable state after the request is a failure", "[fence][verify]") {
  FakeDevice device({kOn, ErrorKind::kUnreachable});
  CHECK(failure_of([&] { VerifiedPower(device, kFast).off("3", Deadline::in(10s)); }) ==
        ErrorKind::kFailed);
}

TEST_CASE("a read that fails once and then shows off is a success", "[fence][verify]") {
  FakeDevice device({kOn, ErrorKind::kTimeout, kOff});
  VerifiedPower(device, kFast).off("3", Deadline::in(10s));
  CHECK(device.requests == std::vector<std::string>{"off:3"});
}

TEST_CASE("refused credentials while reading back fail at once", "[fence][verify]") {
  FakeDevice device({kOn, ErrorKind::kAccess});
  const auto start = Clock::now();
  CHECK(failure_of([&] { VerifiedPower(device, kFast).off("3", Deadline::in(10s)); }) ==
        ErrorKind::kAccess);
  CHECK(elapsed_since(start) < 200ms);
}

TEST_CASE("a state unreadable before the request fails without a request", "[fence][verify]") {
  FakeDevice device({ErrorKind::kUnreachable});
  CHECK(failure_of([&] { VerifiedPower(device, kFast).off("3", Deadline::in(10s)); }) ==
        ErrorKind::kUnreachable);
  CHECK(device.requests.empty());
}

TEST_CASE("the action's deadline bounds the wait even when power_timeout is longer",
          "[fence][verify]") {
  FakeDevice device({kOn});
  const PowerTiming slow{.power_timeout = 60s, .poll_interval = 100ms};
  const auto start = Clock::now();
  CHECK(failure_of([&] { VerifiedPower(device, slow).off("3", Deadline::in(300ms)); }) ==
        ErrorKind::kTimeout);
  CHECK(elapsed_since(start) < 1s);
}

TEST_CASE("power_wait pauses before the first read back", "[fence][verify]") {
  FakeDevice device({kOn, kOff});
  PowerTiming timing = kFast;
  timing.power_wait = 200ms;
  const auto start = Clock::now();
  VerifiedPower(device, timing).off("3", Deadline::in(10s));
  CHECK(elapsed_since(start) >= 200ms);
}

TEST_CASE("reboot is off read back, then on read back", "[fence][verify]") {
  FakeDevice device({kOn, kOff, kOff, kOn});
  VerifiedPower(device, kFast).reboot("3", Deadline::in(10s));
  CHECK(device.requests == std::vector<std::string>{"off:3", "on:3"});
}

TEST_CASE("reboot of a target that never comes back on fails", "[fence][verify]") {
  FakeDevice device({kOn, kOff});
  CHECK(failure_of([&] { VerifiedPower(device, kFast).reboot("3", Deadline::in(10s)); }) ==
        ErrorKind::kTimeout);
  CHECK(device.requests == std::vector<std::string>{"off:3", "on:3"});
}

TEST_CASE("on is asked again up to retry_on times", "[fence][verify]") {
  FakeDevice device({kOff});
  PowerTiming timing = kFast;
  timing.on_attempts = 2;
  CHECK(failure_of([&] { VerifiedPower(device, timing).on("3", Deadline::in(10s)); }) ==
        ErrorKind::kTimeout);
  CHECK(device.requests == std::vector<std::string>{"on:3", "on:3"});
}

TEST_CASE("reboot by cycle needs the capability and reads back on", "[fence][verify]") {
  FakeDevice plain({kOn});
  CHECK(failure_of([&] {
          VerifiedPower(plain, kFast).reboot("3", Deadline::in(10s), RebootMethod::kCycle);
        }) == ErrorKind::kUnsupported);

  FakeDevice cycling({kOff, kOn}, {.cycle = true});
  VerifiedPower(cycling, kFast).reboot("3", Deadline::in(10s), RebootMethod::kCycle);
  CHECK(cycling.requests == std::vector<std::string>{"cycle:3"});
}

TEST_CASE("a self-confirming device is asked and never read", "[fence][verify]") {
  FakeDevice device({ErrorKind::kUnsupported}, {.cycle = true, .self_confirming = true});
  VerifiedPower power(device, kFast);
  power.off("n1", Deadline::in(10s));
  power.reboot("n1", Deadline::in(10s));
  CHECK(device.requests == std::vector<std::string>{"off:n1", "cycle:n1"});
  CHECK(device.status_reads == 0);
}
