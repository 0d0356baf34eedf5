// The process and clock seams: what a test installs is used, and only while installed.
#include <signal.h>

#include <catch2/catch.hpp>

#include "exec/faults_for_tests.h"

using namespace hakit::exec;

namespace {

class RecordingRunner final : public Runner {
 public:
  std::vector<std::string> programs;
  Result run(const Command& cmd, const Deadline&) override {
    programs.push_back(cmd.argv.at(0));
    Result result;
    result.exit_status = 42;
    return result;
  }
};

const Command* observed = nullptr;
void observe(const Command& cmd, const Result&, Millis) { observed = &cmd; }

}  // namespace

TEST_CASE("an installed runner takes every command, and the observer still sees it", "[exec]") {
  RecordingRunner recorder;
  set_observer(observe);
  {
    const ScopedRunner installed(recorder);
    const Command command{.argv = {"attrd_updater", "-n", "x", "-U", "1"}};
    CHECK(run(command, Deadline::in(Millis(1000))).exit_status == 42);
    CHECK(observed == &command);
  }
  set_observer(nullptr);
  CHECK(recorder.programs == std::vector<std::string>{"attrd_updater"});
  // Uninstalled: the real one again.
  CHECK(run({.argv = {"true"}}, Deadline::in(Millis(5000))).exit_status == 0);
}

TEST_CASE("a jumping clock expires deadlines and makes pauses instant", "[exec]") {
  JumpingClock clock;
  const ScopedTimeSource installed(clock);
  const Deadline deadline = Deadline::in(Millis(60000));
  CHECK_FALSE(deadline.expired());
  clock.jump(std::chrono::seconds(61));
  CHECK(deadline.expired());

  const auto before = std::chrono::steady_clock::now();
  const auto fake_before = Clock::now();
  sleep_for(Millis(3'600'000));
  CHECK(Clock::now() - fake_before >= std::chrono::hours(1));
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::hours(1));
}

TEST_CASE("faulty children hang until the deadline, die by signals, or lie", "[exec][faults]") {
  JumpingClock clock;
  const ScopedTimeSource time_seam(clock);
  const Command command{.argv = {"mount", "/dev/sdz", "/mnt"}};
  const auto with = [&](Fault fault) {
    FaultyRunner runner(fault, clock);
    const ScopedRunner process_seam(runner);
    return run(command, Deadline::in(Millis(20000)));
  };
  const Result hung = with(Fault::kHang);
  CHECK(hung.timed_out);
  CHECK(with(Fault::kKilled).signal == SIGKILL);
  CHECK(with(Fault::kCrash).signal == SIGSEGV);
  CHECK(with(Fault::kMissing).exit_status == 127);
  CHECK(with(Fault::kFailure).exit_status == 1);
  const Result lie = with(Fault::kLie);
  CHECK((lie.ok() && lie.out.empty()));
  CHECK(with(Fault::kHugeOutput).out.size() == Command{}.max_output);
  CHECK(with(Fault::kGarbage).out.find('\0') != std::string::npos);
}
