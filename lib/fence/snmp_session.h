// One SNMP session to one agent, in-process through net-snmp's single-session API (no
// snmpget/snmpset subprocess, so no community or password ever reaches an argv). Every
// request is bounded by the action's deadline: it is retransmitted every second until
// `request_timeout` or the deadline, whichever comes first, and then fails.
//
//   snmp::Session pdu(config, deadline);
//   const auto states = pdu.get({cell(kStatusColumn, 3)}, deadline);
//   pdu.set({{cell(kControlColumn, 3), 2}}, deadline);
//
// Failures are fence::Error with a message naming the agent, never a secret:
//   kUnreachable  no answer (agent down, wrong port, or a v1/v2c community the agent
//                 silently ignores: SNMP cannot tell these apart)
//   kAccess       the agent refused us: a v3 user, key or security level it rejects, or a
//                 write it refused (read-only community or user)
//   kBadConfig    unusable settings (a v3 password shorter than 8 characters, a bad address)
//   kFailed       the agent answered with an error or something unreadable
//   kTimeout      the action's deadline had already passed
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "exec/deadline.h"
#include "fence/snmp_oid.h"

namespace hakit::fence::snmp {

enum class Version { kV1, kV2c, kV3 };
enum class SecurityLevel { kNoAuthNoPriv, kAuthNoPriv, kAuthPriv };
enum class AuthProtocol { kMd5, kSha, kSha224, kSha256, kSha384, kSha512 };
enum class PrivProtocol { kDes, kAes };

struct SessionConfig {
  /// net-snmp's transport address: "udp:127.0.0.1:161", "udp6:[::1]:161".
  std::string peer;
  Version version = Version::kV1;
  std::string community;  ///< v1 and v2c; a secret
  // SNMPv3 (USM):
  std::string username;
  SecurityLevel level = SecurityLevel::kNoAuthNoPriv;
  AuthProtocol auth_protocol = AuthProtocol::kMd5;
  std::string auth_password;  ///< a secret
  PrivProtocol priv_protocol = PrivProtocol::kDes;
  std::string priv_password;  ///< a secret
  /// How long one request may take, retransmissions included.
  exec::Millis request_timeout{std::chrono::seconds(8)};
};

/// "SNMP v2c", "SNMP v3 (authPriv)": for messages.
std::string describe(const SessionConfig& config);

/// A value read from the agent.
struct Value {
  enum class Type {
    kMissing,  ///< the agent has no such object or instance (v2 exceptions, v1 noSuchName)
    kInteger,  ///< INTEGER, Gauge32, Counter32, TimeTicks, Unsigned32
    kString,   ///< OCTET STRING
    kOid,      ///< OBJECT IDENTIFIER
    kOther,
  };
  Type type = Type::kMissing;
  long long integer = 0;
  std::string text;
  Oid object{};
};

struct VarBind {
  Oid oid;
  Value value;
};

class Session {
 public:
  /// Opens the session (v3 engine discovery, here or with the first request, is bounded
  /// like any request).
  Session(const SessionConfig& config, const exec::Deadline& deadline);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// The values of `oids`, in order, in one request (several with v1 when some are missing).
  std::vector<Value> get(std::vector<Oid> oids, const exec::Deadline& deadline);
  /// Every object below `subtree`, in order (GETNEXT with v1, GETBULK otherwise).
  std::vector<VarBind> walk(const Oid& subtree, const exec::Deadline& deadline);
  /// Writes INTEGER `value` to each OID, in one request.
  void set(const std::vector<std::pair<Oid, long>>& cells, const exec::Deadline& deadline);

  /// "udp:127.0.0.1:161 (SNMP v1)": who this session talks to, for messages.
  const std::string& name() const { return name_; }

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::string name_;
  Version version_;
  std::string_view silent_rejection_;
  exec::Millis request_timeout_;
};

}  // namespace hakit::fence::snmp
