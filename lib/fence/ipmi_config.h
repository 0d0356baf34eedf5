// How to reach and log in to one BMC, read and checked from a fence action's options
// (fence_ipmilan's names, and external/ipmi's through the plugin's legacy names):
//   ip, ipport (623)               where the BMC listens (UDP)
//   lanplus, interface             IPMI 2.0 RMCP+ (lanplus=1 or interface=lanplus), else 1.5
//   cipher (3)                     the RMCP+ cipher suite, sent as is: no cipher-suite probe
//   auth (md5)                     the IPMI 1.5 authentication type
//   privlvl (administrator)        also external/ipmi's upper-case priv values
//   username, password             password_script and password_method=file also give one
//   hexadecimal_kg                 the RMCP+ BMC key
//   login_timeout, shell_timeout   how long a login, and each command, may take
// Everything but the password is checked without a BMC, so validate-all catches it.
#pragma once

#include <optional>
#include <string>

#include "exec/deadline.h"
#include "fence/options.h"

namespace hakit::fence {

enum class IpmiAuth { kNone, kPassword, kMd5 };

enum class IpmiPrivilege { kCallback = 1, kUser = 2, kOperator = 3, kAdministrator = 4 };

/// The RMCP+ algorithms of one cipher suite (IPMI 2.0 table 22-20), by their IPMI numbers.
struct CipherSuite {
  int authentication;   ///< 0 none, 1 RAKP-HMAC-SHA1, 2 RAKP-HMAC-MD5
  int integrity;        ///< 0 none, 1 HMAC-SHA1-96, 2 HMAC-MD5-128, 3 MD5-128
  int confidentiality;  ///< 0 none, 1 AES-CBC-128
};

/// Suite `id`, if OpenIPMI implements it: 0-3, 6-8, 11 and 12 (no xRC4, no SHA-256).
std::optional<CipherSuite> cipher_suite(int id);

struct IpmiConfig {
  std::string address;
  int port = 623;
  bool lanplus = false;
  int cipher = 3;  ///< lanplus only
  CipherSuite suite{1, 1, 1};
  IpmiAuth auth = IpmiAuth::kMd5;  ///< lan only
  IpmiPrivilege privilege = IpmiPrivilege::kAdministrator;
  std::string username;
  std::string password;  ///< secret
  std::string bmc_key;   ///< secret: Kg, decoded from hexadecimal_kg
  exec::Millis login_timeout{std::chrono::seconds(5)};
  exec::Millis command_timeout{std::chrono::seconds(3)};

  /// Reads the options; runs password_script (within `deadline`) or reads the password
  /// file. Throws Error(kBadConfig) naming the option at fault.
  static IpmiConfig from(const Options& options, const exec::Deadline& deadline);

  /// "127.0.0.1:623 lanplus cipher 3 user admin": for messages, never a secret.
  std::string describe() const;
};

}  // namespace hakit::fence
