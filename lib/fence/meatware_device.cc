#include "fence/meatware_device.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "fence/error.h"
#include "fence/fencer_history.h"
#include "fence/meatware_protocol.h"
#include "fence/null_device.h"
#include "ocf/log.h"
#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::fence {
namespace {

constexpr exec::Millis kFencerCheckInterval{2000};

/// The FIFO of one request, there for exactly as long as the request waits. A FIFO left by
/// a killed earlier request is replaced.
class RequestFifo {
 public:
  explicit RequestFifo(std::string path) : path_(std::move(path)) {
    ::unlink(path_.c_str());
    if (::mkfifo(path_.c_str(), 0600) != 0) {
      throw Error(ErrorKind::kFailed, cat("cannot create ", path_, ": ", std::strerror(errno)));
    }
    // Our own writer keeps the reader from seeing end-of-file between two clients.
    reader_.reset(::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
    keeper_.reset(::open(path_.c_str(), O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
    if (!reader_.valid() || !keeper_.valid()) {
      const int error = errno;
      ::unlink(path_.c_str());
      throw Error(ErrorKind::kFailed, cat("cannot open ", path_, ": ", std::strerror(error)));
    }
  }
  ~RequestFifo() { ::unlink(path_.c_str()); }
  RequestFifo(const RequestFifo&) = delete;
  RequestFifo& operator=(const RequestFifo&) = delete;

  /// The next message, or nullopt when none came by `deadline`.
  std::optional<std::string> next_message(const exec::Deadline& deadline) {
    while (!deadline.expired()) {
      pollfd waiting{.fd = reader_.get(), .events = POLLIN, .revents = 0};
      const auto wait = std::min<long long>(deadline.remaining().count(), 60'000);
      const int ready = ::poll(&waiting, 1, int(wait));
      if (ready < 0 && errno != EINTR) {
        throw Error(ErrorKind::kFailed, cat("waiting on ", path_, ": ", std::strerror(errno)));
      }
      if (ready <= 0) continue;
      char buffer[kMeatwareMessageSize];
      const ssize_t got = ::read(reader_.get(), buffer, sizeof buffer);
      if (got > 0) return std::string(buffer, size_t(got));
    }
    return std::nullopt;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  UniqueFd reader_;
  UniqueFd keeper_;
};

}  // namespace

MeatwareDevice::MeatwareDevice(const Options& options)
    : hosts_(host_list(options)), confirm_timeout_(options.seconds("confirm_timeout")) {
  if (confirm_timeout_.count() <= 0) {
    throw Error(ErrorKind::kBadConfig, "confirm_timeout must be more than 0 seconds");
  }
}

Capabilities MeatwareDevice::capabilities() const {
  return {
      .list = true, .cycle = true, .self_confirming = true, .longest_request = confirm_timeout_};
}

std::vector<Plug> MeatwareDevice::list(const exec::Deadline&) {
  std::vector<Plug> plugs;
  for (const std::string& host : hosts_) plugs.push_back({.id = host, .alias = ""});
  return plugs;
}

PowerState MeatwareDevice::status(const std::string&, const exec::Deadline&) {
  throw Error(ErrorKind::kUnsupported, "meatware cannot tell whether a node is on");
}

void MeatwareDevice::power_on(const std::string& plug, const exec::Deadline&) {
  throw Error(ErrorKind::kUnsupported, cat("meatware cannot power on ", plug, ": do it by hand"));
}

void MeatwareDevice::power_off(const std::string& plug, const exec::Deadline& deadline) {
  await_operator(plug, "power off", deadline);
}

void MeatwareDevice::power_cycle(const std::string& plug, const exec::Deadline& deadline) {
  await_operator(plug, "reset", deadline);
}

void MeatwareDevice::check(const exec::Deadline&) {
  const std::string directory(kMeatwareDirectory);
  if (::access(directory.c_str(), W_OK) != 0) {
    throw Error(ErrorKind::kFailed, cat("cannot write ", directory, ": ", std::strerror(errno)));
  }
}

void MeatwareDevice::await_operator(const std::string& node, std::string_view request,
                                    const exec::Deadline& deadline) {
  RequestFifo fifo(meatware_fifo_path(node));
  ocf::log(ocf::Severity::kCritical,
           cat("OPERATOR INTERVENTION REQUIRED to ", request, " ", node, ". Run \"meatclient -c ",
               node, "\" (or hakit-meatclient) AFTER power-cycling the machine."));
  const auto since = std::chrono::system_clock::now();
  const exec::Deadline window = deadline.capped(confirm_timeout_);
  while (true) {
    // Short slices, so that a confirmation through the fencer is noticed within seconds.
    if (const auto message = fifo.next_message(window.capped(kFencerCheckInterval))) {
      if (!confirms(*message, node)) {
        throw Error(ErrorKind::kFailed, cat("unexpected reply in ", fifo.path(), ": '",
                                            message->substr(0, message->find('\0')), "'"));
      }
      break;
    }
    if (manually_confirmed(node, since, window)) {
      ocf::log_info(cat("stonith_admin --confirm ", node, " answered the request"));
      break;
    }
    if (window.expired()) {
      throw Error(
          ErrorKind::kTimeout,
          cat("no operator confirmation for ", node, " in ", fifo.path(), " within ",
              std::chrono::duration_cast<std::chrono::seconds>(confirm_timeout_).count(), " s"));
    }
  }
  ocf::log_info(cat("the operator confirmed that ", node, " was ",
                    request == "reset" ? "reset" : "powered off"));
}

}  // namespace hakit::fence
