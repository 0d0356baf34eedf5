#include "fence/snmp_options.h"

#include <algorithm>

#include "fence/error.h"
#include "fence/outlet_map.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

using snmp::AuthProtocol;
using snmp::PrivProtocol;
using snmp::SecurityLevel;
using snmp::Version;

/// The entry of `choices` named `value` (case-insensitive), else Error(kBadConfig).
template <typename T, size_t N>
T choose(const Options& options, std::string_view option,
         const std::pair<std::string_view, T> (&choices)[N]) {
  const std::string value = to_lower(trim(options.str(option)));
  std::vector<std::string> names;
  for (const auto& [name, choice] : choices) {
    if (to_lower(name) == value) return choice;
    names.emplace_back(name);
  }
  throw Error(ErrorKind::kBadConfig, cat(option, " must be one of ", join(names, ", "), ", not '",
                                         options.str(option), "'"));
}

constexpr std::pair<std::string_view, Version> kVersions[] = {
    {"1", Version::kV1}, {"2c", Version::kV2c}, {"3", Version::kV3}};
constexpr std::pair<std::string_view, SecurityLevel> kLevels[] = {
    {"noAuthNoPriv", SecurityLevel::kNoAuthNoPriv},
    {"authNoPriv", SecurityLevel::kAuthNoPriv},
    {"authPriv", SecurityLevel::kAuthPriv}};
constexpr std::pair<std::string_view, AuthProtocol> kAuthProtocols[] = {
    {"MD5", AuthProtocol::kMd5},        {"SHA", AuthProtocol::kSha},
    {"SHA-224", AuthProtocol::kSha224}, {"SHA-256", AuthProtocol::kSha256},
    {"SHA-384", AuthProtocol::kSha384}, {"SHA-512", AuthProtocol::kSha512}};
constexpr std::pair<std::string_view, PrivProtocol> kPrivProtocols[] = {
    {"DES", PrivProtocol::kDes}, {"AES", PrivProtocol::kAes}};

void set_v3(snmp::SessionConfig& config, const Options& options, const exec::Deadline& deadline) {
  config.username = options.str("username");
  config.auth_password = options.secret("password", deadline).value_or("");
  config.priv_password = options.secret("snmp_priv_passwd", deadline).value_or("");
  if (options.is_set("snmp_sec_level")) {
    config.level = choose(options, "snmp_sec_level", kLevels);
  } else {
    config.level = !config.priv_password.empty()   ? SecurityLevel::kAuthPriv
                   : !config.auth_password.empty() ? SecurityLevel::kAuthNoPriv
                                                   : SecurityLevel::kNoAuthNoPriv;
  }
  if (options.is_set("snmp_auth_prot")) {
    config.auth_protocol = choose(options, "snmp_auth_prot", kAuthProtocols);
  }
  if (options.is_set("snmp_priv_prot")) {
    config.priv_protocol = choose(options, "snmp_priv_prot", kPrivProtocols);
  }
  if (config.username.empty()) throw Error(ErrorKind::kBadConfig, "SNMP v3 needs 'username'");
  if (config.level != SecurityLevel::kNoAuthNoPriv && config.auth_password.empty()) {
    throw Error(ErrorKind::kBadConfig, "SNMP v3 with authentication needs 'password'");
  }
  if (config.level == SecurityLevel::kAuthPriv && config.priv_password.empty()) {
    throw Error(ErrorKind::kBadConfig, "SNMP v3 with privacy needs 'snmp_priv_passwd'");
  }
}

}  // namespace

std::string snmp_peer(std::string_view ip, long long port) {
  std::string_view host = trim(ip);
  std::string_view port_text;
  if (host.starts_with('[')) {
    const size_t close = host.find(']');
    if (close == std::string_view::npos)
      throw Error(ErrorKind::kBadConfig, cat("ip '", ip, "': no ']'"));
    if (host.substr(close + 1).starts_with(':')) port_text = host.substr(close + 2);
    host = host.substr(1, close - 1);
  } else if (std::count(host.begin(), host.end(), ':') == 1) {
    port_text = host.substr(host.find(':') + 1);
    host = host.substr(0, host.find(':'));
  }
  if (host.empty()) throw Error(ErrorKind::kBadConfig, "ip is empty");
  if (!port_text.empty()) {
    const auto number = outlet_number(port_text);
    if (!number)
      throw Error(ErrorKind::kBadConfig, cat("ip '", ip, "': bad port '", port_text, "'"));
    port = (long long)*number;
  }
  if (port < 1 || port > 65535) {
    throw Error(ErrorKind::kBadConfig, cat("the SNMP port must be 1-65535, not ", port));
  }
  const bool ipv6 = host.find(':') != std::string_view::npos;
  return ipv6 ? cat("udp6:[", host, "]:", port) : cat("udp:", host, ":", port);
}

snmp::SessionConfig snmp_session_config(const Options& options, const exec::Deadline& deadline) {
  snmp::SessionConfig config;
  config.peer = snmp_peer(options.str("ip"), options.integer("ipport"));
  config.version = choose(options, "snmp_version", kVersions);
  if (config.version == Version::kV3) {
    set_v3(config, options, deadline);
  } else {
    config.community = options.str("community");
  }
  config.request_timeout = options.seconds("shell_timeout") + options.seconds("login_timeout");
  if (config.request_timeout <= exec::Millis(0)) {
    throw Error(ErrorKind::kBadConfig, "shell_timeout + login_timeout must be more than 0 s");
  }
  return config;
}

}  // namespace hakit::fence
