// A blocking call that must not hang its caller: libvirt's client blocks without limit on a
// daemon that accepted the connection but does not answer (hung, stopped), and a
// connection's keepalive, which would break that wait, needs an event loop thread.
#pragma once

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "exec/deadline.h"

namespace hakit::virt {

/// Runs `work` on a helper thread and waits for it until `limit`. Returns its result, or
/// nullopt when it has not finished by then: the helper is detached, left to finish (its
/// result, e.g. a connection, is then destroyed there) or to stay blocked until the process
/// exits. An exception thrown by `work` is rethrown here. `work` is moved to the helper, so
/// it must own what it uses.
template <typename Work>
auto bounded_call(Work work, const exec::Deadline& limit) -> std::optional<decltype(work())> {
  using Result = decltype(work());
  struct Outcome {
    std::mutex mutex;
    std::condition_variable done_cv;
    bool done = false;
    std::optional<Result> result;
    std::exception_ptr error;
  };
  auto outcome = std::make_shared<Outcome>();
  std::thread helper([outcome, work = std::move(work)]() mutable {
    std::optional<Result> result;
    std::exception_ptr error;
    try {
      result.emplace(work());
    } catch (...) {
      error = std::current_exception();
    }
    const std::lock_guard lock(outcome->mutex);
    if (result) outcome->result.emplace(std::move(*result));
    outcome->error = error;
    outcome->done = true;
    outcome->done_cv.notify_all();
  });

  std::unique_lock lock(outcome->mutex);
  if (!outcome->done_cv.wait_until(lock, limit.when(), [&] { return outcome->done; })) {
    helper.detach();
    return std::nullopt;
  }
  lock.unlock();
  // Finished: let it exit before going on, so that what its thread-local state holds (the
  // TLS libraries' per-thread error state) is freed before the process exits, not during.
  helper.join();
  if (outcome->error) std::rethrow_exception(outcome->error);
  return std::move(outcome->result);
}

}  // namespace hakit::virt
