#include "fence/ipmi_config.h"

#include <array>
#include <cctype>

#include "fence/error.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

// IPMI 2.0 §22.17: user names are 16 bytes at most; passwords 16 (IPMI 1.5) or 20 (RMCP+).
constexpr size_t kMaxUsername = 16;
constexpr size_t kMaxLanPassword = 16;
constexpr size_t kMaxLanplusPassword = 20;
constexpr size_t kMaxBmcKey = 20;

Error bad_config(const std::string& message) { return Error(ErrorKind::kBadConfig, message); }

bool interface_is_lanplus(const Options& options) {
  const std::string interface = to_lower(trim(options.str("interface")));
  const bool lanplus_flag = options.flag("lanplus");
  if (interface.empty()) return lanplus_flag;
  if (interface == "lanplus") return true;
  if (interface != "lan") {
    throw bad_config(cat("interface must be lan or lanplus, not '", interface, "'"));
  }
  if (lanplus_flag) throw bad_config("lanplus=1 contradicts interface=lan");
  return false;
}

IpmiAuth auth_named(const std::string& name) {
  if (name == "none") return IpmiAuth::kNone;
  if (name == "password" || name == "straight") return IpmiAuth::kPassword;
  if (name.empty() || name == "md5") return IpmiAuth::kMd5;
  throw bad_config(cat("auth must be md5, password or none, not '", name, "'"));
}

/// fence_ipmilan's lower-case names, and ipmitool's -L values that external/ipmi passes on.
IpmiPrivilege privilege_named(const std::string& name) {
  if (name == "callback") return IpmiPrivilege::kCallback;
  if (name == "user") return IpmiPrivilege::kUser;
  if (name == "operator") return IpmiPrivilege::kOperator;
  if (name.empty() || name == "administrator" || name == "admin") {
    return IpmiPrivilege::kAdministrator;
  }
  throw bad_config(
      cat("privlvl must be callback, user, operator or administrator, not '", name, "'"));
}

/// What `password` names: the password, or (password_method=file) the file holding it.
std::string password_of(const Options& options, const exec::Deadline& deadline) {
  std::string value = options.secret("password", deadline).value_or("");
  const std::string method = to_lower(trim(options.str("password_method")));
  if (method.empty() || method == "param" || method == "env") return value;
  if (method != "file") {
    throw bad_config(cat("password_method must be param, env or file, not '", method, "'"));
  }
  std::string contents;
  // The message never quotes the value: a misconfigured one may be the password itself.
  if (value.empty() || !read_file(value, contents)) {
    throw bad_config("password_method=file: the file named by password cannot be read");
  }
  const size_t end = contents.find('\n');
  return std::string(contents.substr(0, end));
}

std::string bmc_key_of(const Options& options) {
  const std::string hex(trim(options.str("hexadecimal_kg")));
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    c = char(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  std::string key;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    const int high = nibble(hex[i]);
    const int low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) break;
    key += char(high * 16 + low);
  }
  if (key.size() * 2 != hex.size() || key.size() > kMaxBmcKey) {
    throw bad_config(cat("hexadecimal_kg must be at most ", kMaxBmcKey * 2, " hexadecimal digits"));
  }
  return key;
}

exec::Millis positive_seconds(const Options& options, std::string_view name) {
  const exec::Millis value = options.seconds(name);
  if (value.count() <= 0) throw bad_config(cat(name, " must be more than 0 seconds"));
  return value;
}

}  // namespace

std::optional<CipherSuite> cipher_suite(int id) {
  struct Row {
    int id;
    CipherSuite suite;
  };
  static constexpr std::array<Row, 9> kSuites{{
      {0, {0, 0, 0}},
      {1, {1, 0, 0}},
      {2, {1, 1, 0}},
      {3, {1, 1, 1}},
      {6, {2, 0, 0}},
      {7, {2, 2, 0}},
      {8, {2, 2, 1}},
      {11, {2, 3, 0}},
      {12, {2, 3, 1}},
  }};
  for (const Row& row : kSuites) {
    if (row.id == id) return row.suite;
  }
  return std::nullopt;
}

IpmiConfig IpmiConfig::from(const Options& options, const exec::Deadline& deadline) {
  IpmiConfig config;
  config.address = std::string(trim(options.str("ip")));
  if (config.address.empty()) throw bad_config("ip (the BMC's address) is not set");
  const long long port = options.integer("ipport");
  if (port < 1 || port > 65535) throw bad_config(cat("ipport ", port, " is not a UDP port"));
  config.port = int(port);
  config.lanplus = interface_is_lanplus(options);
  if (config.lanplus) {
    config.cipher = int(options.integer("cipher"));
    const auto suite = cipher_suite(config.cipher);
    if (!suite) {
      throw bad_config(cat("cipher suite ", config.cipher,
                           " is not implemented by OpenIPMI: use 3 (or 0-3, 6-8, 11, 12)"));
    }
    config.suite = *suite;
  }
  config.auth = auth_named(to_lower(trim(options.str("auth"))));
  config.privilege = privilege_named(to_lower(trim(options.str("privlvl"))));
  config.username = options.str("username");
  if (config.username.size() > kMaxUsername) {
    throw bad_config(cat("username is longer than IPMI's ", kMaxUsername, " bytes"));
  }
  config.password = password_of(options, deadline);
  const size_t max_password = config.lanplus ? kMaxLanplusPassword : kMaxLanPassword;
  if (config.password.size() > max_password) {
    throw bad_config(cat("the password is longer than ", config.lanplus ? "IPMI 2.0" : "IPMI 1.5",
                         " allows (", max_password, " bytes)"));
  }
  config.bmc_key = bmc_key_of(options);
  config.login_timeout = positive_seconds(options, "login_timeout");
  config.command_timeout = positive_seconds(options, "shell_timeout");
  return config;
}

std::string IpmiConfig::describe() const {
  return cat(address, ":", port, lanplus ? cat(" lanplus cipher ", cipher) : std::string(" lan"),
             username.empty() ? std::string(" anonymous") : cat(" user ", username));
}

}  // namespace hakit::fence
