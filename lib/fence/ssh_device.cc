#include "fence/ssh_device.h"

#include "fence/error.h"
#include "fence/null_device.h"
#include "fence/ssh_login.h"
#include "fence/ssh_session.h"
#include "net/host_list.h"
#include "net/reachability.h"
#include "net/resolver.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

using namespace std::chrono_literals;

/// external/ssh's REBOOT_COMMAND: `at` runs the reboot after the session has ended.
constexpr std::string_view kRebootCommand =
    "echo 'sleep 2; /sbin/reboot -nf' | SHELL=/bin/sh at now >/dev/null 2>&1";

/// A node that misses this many echo requests in a row, each given this long to answer,
/// has stopped answering.
constexpr int kSilentRequests = 3;
constexpr exec::Millis kReplyWait = 500ms;
/// Between two rounds of pings to a node that still answers.
constexpr exec::Millis kPollPause = 200ms;

std::string seconds(exec::Millis duration) { return cat(double(duration.count()) / 1000, " s"); }

net::IpAddress address_of(const std::string& host, const exec::Deadline& deadline) {
  std::vector<net::Host> hosts;
  try {
    hosts = net::parse_host_list(host);
  } catch (const ocf::Error&) {
  }
  if (hosts.size() != 1) {
    throw Error(ErrorKind::kBadConfig, cat("'", host, "' is not a host name or address"));
  }
  const net::Resolution resolution = net::resolve(hosts, deadline.capped(5s)).front();
  if (!resolution.address) throw Error(ErrorKind::kUnreachable, cat(host, ": ", resolution.error));
  return *resolution.address;
}

/// Whether `address` answers one of `attempts` echo requests. Runs all of them unless a
/// reply comes, whatever `deadline` says, since a cut-short probe would read as silence;
/// the caller checks its deadline afterwards.
bool answers_ping(const net::IpAddress& address, int attempts) {
  const std::vector<net::Resolution> target = {{address, ""}};
  try {
    return net::probe(target, {.attempts = attempts, .timeout = kReplyWait},
                      exec::Deadline::in(kReplyWait * (attempts + 1)))
        .front()
        .reachable;
  } catch (const ocf::Error& error) {
    throw Error(ErrorKind::kFailed, cat("cannot send pings: ", error.what()));
  }
}

}  // namespace

SshDevice::SshDevice(const Options& options)
    : options_(options),
      hosts_(host_list(options)),
      login_timeout_(options.seconds("login_timeout")),
      shell_timeout_(options.seconds("shell_timeout")),
      power_timeout_(options.seconds("power_timeout")) {}

Capabilities SshDevice::capabilities() const {
  return {.list = true, .cycle = true, .self_confirming = true};
}

std::vector<Plug> SshDevice::list(const exec::Deadline&) {
  if (hosts_.empty()) throw Error(ErrorKind::kUnsupported, "set hostlist to list the nodes");
  std::vector<Plug> plugs;
  for (const std::string& host : hosts_) plugs.push_back({.id = host, .alias = host});
  return plugs;
}

std::string SshDevice::known_host(const std::string& plug) const {
  if (hosts_.empty()) return plug;
  for (const std::string& host : hosts_) {
    if (to_lower(host) == to_lower(plug)) return host;
  }
  throw Error(ErrorKind::kUnknownTarget,
              cat(plug, " is not in hostlist (", join(hosts_, " "), ")"));
}

PowerState SshDevice::status(const std::string& plug, const exec::Deadline& deadline) {
  const std::string host = known_host(plug);
  const net::IpAddress address = address_of(host, deadline);
  if (answers_ping(address, kSilentRequests)) return PowerState::kOn;
  throw Error(ErrorKind::kFailed, cat(host, " (", address.text(),
                                      ") does not answer pings: off or unreachable, this device "
                                      "cannot tell which"));
}

void SshDevice::power_on(const std::string&, const exec::Deadline&) {
  throw Error(ErrorKind::kUnsupported, "the ssh device cannot power a node on");
}

void SshDevice::power_off(const std::string&, const exec::Deadline&) {
  throw Error(ErrorKind::kUnsupported, "the ssh device cannot power a node off, only reboot it");
}

void SshDevice::power_cycle(const std::string& plug, const exec::Deadline& deadline) {
  const std::string host = known_host(plug);
  const net::IpAddress address = address_of(host, deadline);
  if (!answers_ping(address, kSilentRequests)) {
    throw Error(ErrorKind::kUnreachable,
                cat(host, " (", address.text(),
                    ") does not answer pings before the reboot: it cannot be reached, or its "
                    "going down could not be seen"));
  }
  std::string lost_session;  // why the reboot command's session ended without an answer
  {
    const exec::Deadline login = deadline.capped(login_timeout_);
    SshSession session(ssh_login(options_, host, login), login);
    try {
      const SshOutput output =
          session.run(std::string(kRebootCommand), deadline.capped(shell_timeout_));
      if (output.exit_status != 0) {
        throw Error(ErrorKind::kFailed, cat(host, ": the reboot command failed (exit status ",
                                            output.exit_status, ")"));
      }
    } catch (const Error& error) {
      // A session still open when the reboot starts dies with the node (seen on a loaded
      // machine): the command may well have run. Whether the node went down is for the
      // wait for silence below to tell, as after any reboot command.
      if (error.kind() != ErrorKind::kTimeout && error.kind() != ErrorKind::kUnreachable) throw;
      lost_session = error.what();
      ocf::log_warning(cat(host, ": no exit status from the reboot command (", lost_session,
                           "): waiting for the node to stop answering pings all the same"));
    }
  }
  ocf::log_info(cat("asked ", host, " to reboot; waiting up to ", seconds(power_timeout_),
                    " for it to stop answering pings"));
  const exec::Deadline window = deadline.capped(power_timeout_);
  const auto started = exec::Clock::now();
  while (!window.expired()) {
    if (!answers_ping(address, kSilentRequests)) {
      ocf::log_info(
          cat(host, " stopped answering pings ",
              seconds(std::chrono::duration_cast<exec::Millis>(exec::Clock::now() - started)),
              " after the reboot command"));
      return;
    }
    exec::sleep_for(std::min(kPollPause, std::max(window.remaining(), 0ms)));
  }
  throw Error(ErrorKind::kTimeout,
              cat(host, " still answered pings ", seconds(power_timeout_),
                  " after the reboot command (power_timeout)",
                  lost_session.empty() ? "" : "; its session had ended with: ", lost_session));
}

void SshDevice::check(const exec::Deadline& deadline) {
  for (const std::string& host : hosts_) address_of(host, deadline);
}

}  // namespace hakit::fence
