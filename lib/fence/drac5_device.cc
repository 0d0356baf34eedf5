#include "fence/drac5_device.h"

#include <algorithm>
#include <cctype>

#include "fence/error.h"
#include "fence/ssh_login.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

/// A CMC module name as racadm -m takes it ("server-1", "switch-2"): the command is
/// interpreted by the device's shell, so nothing else may reach it.
bool is_module_name(std::string_view plug) {
  return !plug.empty() && std::all_of(plug.begin(), plug.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

bool same_host(std::string_view a, std::string_view b) { return to_lower(a) == to_lower(b); }

/// The first non-empty line of what racadm said, for messages.
std::string first_line(const SshOutput& output) {
  for (const std::string* text : {&output.out, &output.err}) {
    const std::vector<std::string> lines = split(*text, "\r\n");
    for (const std::string& line : lines) {
      if (!trim(line).empty()) return std::string(trim(line));
    }
  }
  return cat("no output, exit status ", output.exit_status);
}

}  // namespace

PowerState parse_power_status(std::string_view output) {
  constexpr std::string_view kPrefix = "server power status:";
  for (const std::string& line : split(output, "\r\n")) {
    const std::string lower = to_lower(trim(line));
    if (!lower.starts_with(kPrefix)) continue;
    const std::string_view state = trim(std::string_view(lower).substr(kPrefix.size()));
    if (state == "on") return PowerState::kOn;
    if (state == "off") return PowerState::kOff;
  }
  throw Error(ErrorKind::kFailed,
              cat("racadm did not report the power state: '", trim(output), "'"));
}

Drac5Device::Drac5Device(const Options& options)
    : options_(options),
      hostname_(options.str("hostname")),
      login_timeout_(options.seconds("login_timeout")),
      shell_timeout_(options.seconds("shell_timeout")),
      power_timeout_(options.seconds("power_timeout")) {
  if (options.is_set("ssh") && !options.flag("ssh")) {
    throw Error(ErrorKind::kBadConfig, "ssh=0: telnet is not supported, only ssh");
  }
  const std::string& version = options.str("drac_version");
  if (version == "DRAC CMC") {
    chassis_ = true;
  } else if (!version.empty() && version != "DRAC 5") {
    throw Error(ErrorKind::kBadConfig,
                cat("drac_version must be 'DRAC 5' or 'DRAC CMC', not '", version, "'"));
  }
}

Capabilities Drac5Device::capabilities() const { return {.list = true, .cycle = true}; }

std::optional<std::string> Drac5Device::sole_target() const {
  if (chassis_) return std::nullopt;
  return hostname_.empty() ? options_.str("ip") : hostname_;
}

std::vector<Plug> Drac5Device::list(const exec::Deadline&) {
  if (chassis_ || hostname_.empty()) {
    throw Error(ErrorKind::kUnsupported,
                chassis_ ? "listing the modules of a CMC is not supported: use pcmk_host_map"
                         : "set hostname (the server this DRAC powers) to list it");
  }
  return {{.id = hostname_, .alias = hostname_}};
}

std::string Drac5Device::racadm_command(std::string_view action, const std::string& plug) const {
  std::string command = cat("racadm serveraction ", action);
  if (!chassis_) {
    if (!hostname_.empty() && !plug.empty() && !same_host(plug, hostname_)) {
      throw Error(ErrorKind::kUnknownTarget,
                  cat("this DRAC powers ", hostname_, ", not ", plug, " (hostname)"));
    }
    return command;
  }
  if (!is_module_name(plug)) {
    throw Error(ErrorKind::kUnknownTarget,
                cat("'", plug, "' is not a CMC module name (plug, e.g. server-1)"));
  }
  return cat(command, " -m ", plug);
}

SshSession& Drac5Device::session(const exec::Deadline& deadline) {
  if (session_ && !session_->usable()) session_.reset();
  if (!session_) {
    const exec::Deadline login = deadline.capped(login_timeout_);
    session_.emplace(ssh_login(options_, options_.str("ip"), login), login);
  }
  return *session_;
}

SshOutput Drac5Device::racadm(const std::string& command, exec::Millis limit,
                              const exec::Deadline& deadline) {
  SshSession& ssh = session(deadline);
  ocf::log_debug(cat("running '", command, "'"));
  try {
    return ssh.run(command, deadline.capped(limit));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::kTimeout) throw;
    throw Error(ErrorKind::kTimeout, cat(error.what(), " (", limit.count() / 1000.0, " s)"));
  }
}

PowerState Drac5Device::status(const std::string& plug, const exec::Deadline& deadline) {
  const SshOutput output = racadm(racadm_command("powerstatus", plug), shell_timeout_, deadline);
  return parse_power_status(output.out);
}

void Drac5Device::request(std::string_view action, const std::string& plug,
                          const exec::Deadline& deadline) {
  const std::string command = racadm_command(action, plug);
  const SshOutput output = racadm(command, power_timeout_, deadline);
  const bool refused = output.exit_status > 0 ||
                       to_lower(output.out + output.err).find("error") != std::string::npos;
  if (refused) {
    throw Error(ErrorKind::kFailed, cat("'", command, "' was refused: ", first_line(output)));
  }
  ocf::log_info(cat(command, ": ", first_line(output)));
}

void Drac5Device::power_on(const std::string& plug, const exec::Deadline& deadline) {
  request("powerup", plug, deadline);
}

void Drac5Device::power_off(const std::string& plug, const exec::Deadline& deadline) {
  request("powerdown", plug, deadline);
}

void Drac5Device::power_cycle(const std::string& plug, const exec::Deadline& deadline) {
  request("powercycle", plug, deadline);
}

void Drac5Device::check(const exec::Deadline& deadline) { session(deadline); }

}  // namespace hakit::fence
