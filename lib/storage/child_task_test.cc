#include "storage/child_task.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <stdexcept>

using hakit::exec::Deadline;
using hakit::exec::Millis;
using hakit::storage::ChildOutcome;
using hakit::storage::run_in_child;

TEST_CASE("a child's result comes back", "[storage][child_task]") {
  const pid_t parent = ::getpid();
  const ChildOutcome outcome = run_in_child([&] { return std::to_string(::getpid() != parent); },
                                            Deadline::in(Millis(5000)));
  CHECK(outcome.succeeded());
  CHECK(outcome.text == "1");
}

TEST_CASE("what a child throws is a failure with its message", "[storage][child_task]") {
  const ChildOutcome outcome =
      run_in_child([]() -> std::string { throw std::runtime_error("disk on fire"); },
                   Deadline::in(Millis(5000)));
  CHECK(outcome.status == ChildOutcome::Status::kFailed);
  CHECK(outcome.text == "disk on fire");
}

TEST_CASE("a child that hangs is abandoned at the deadline", "[storage][child_task]") {
  const auto started = std::chrono::steady_clock::now();
  const ChildOutcome outcome = run_in_child(
      [] {
        ::pause();
        return std::string("never");
      },
      Deadline::in(Millis(300)));
  CHECK(outcome.status == ChildOutcome::Status::kTimedOut);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
}

TEST_CASE("a child that crashes is a failure", "[storage][child_task]") {
  const ChildOutcome outcome =
      run_in_child([]() -> std::string { ::_exit(3); }, Deadline::in(Millis(5000)));
  CHECK(outcome.status == ChildOutcome::Status::kFailed);
  CHECK(outcome.text == "no result");
}
