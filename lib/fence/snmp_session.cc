#include "fence/snmp_session.h"

// clang-format off: net-snmp's config header must come first.
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
// clang-format on

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <type_traits>

#include "fence/error.h"
#include "fence/snmp_varbind.h"
#include "util/strings.h"

namespace hakit::fence::snmp {
namespace {

static_assert(std::is_same_v<Oid::value_type, oid>, "Oid must match net-snmp's oid");

using namespace std::chrono_literals;

constexpr const char* kApplication = "hakit";
/// Rows asked for per GETBULK: an outlet table's column in one or two round trips.
constexpr long kBulkRepetitions = 48;
/// No PDU has this many outlets: a longer walk is an agent that never ends its table.
constexpr size_t kMaxWalkRows = 100000;

/// net-snmp for a short-lived agent: no configuration or persistent files read or written,
/// no MIB files parsed (every OID here is numeric), nothing printed on stdout.
/// The persistent directory is /dev/null, where nothing can be created: its TLS
/// certificate index would otherwise create /var/lib/snmp/cert_indexes.
class Library {
 public:
  Library() {
    for (const int option :
         {NETSNMP_DS_LIB_DONT_READ_CONFIGS, NETSNMP_DS_LIB_DONT_PERSIST_STATE,
          NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE,
          NETSNMP_DS_LIB_DONT_LOAD_HOST_FILES}) {
      netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, option, 1);
    }
    netsnmp_ds_set_string(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_PERSISTENT_DIR, "/dev/null");
    // MIBS="" loads no module; an empty directory list scans no directory.
    const char* mibs = std::getenv("MIBS");
    const std::optional<std::string> saved =
        mibs != nullptr ? std::optional<std::string>(mibs) : std::nullopt;
    setenv("MIBS", "", 1);
    netsnmp_set_mib_directory("");
    init_snmp(kApplication);
    if (saved) {
      setenv("MIBS", saved->c_str(), 1);
    } else {
      unsetenv("MIBS");
    }
  }
  ~Library() { snmp_shutdown(kApplication); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

void ensure_library() { static Library library; }

struct PduDeleter {
  void operator()(netsnmp_pdu* pdu) const { snmp_free_pdu(pdu); }
};
using UniquePdu = std::unique_ptr<netsnmp_pdu, PduDeleter>;

UniquePdu new_pdu(int command) {
  UniquePdu pdu(snmp_pdu_create(command));
  if (!pdu) throw std::bad_alloc();
  return pdu;
}

std::string_view version_name(Version version) {
  switch (version) {
    case Version::kV1:
      return "v1";
    case Version::kV2c:
      return "v2c";
    case Version::kV3:
      return "v3";
  }
  return "?";
}

std::string_view level_name(SecurityLevel level) {
  switch (level) {
    case SecurityLevel::kNoAuthNoPriv:
      return "noAuthNoPriv";
    case SecurityLevel::kAuthNoPriv:
      return "authNoPriv";
    case SecurityLevel::kAuthPriv:
      return "authPriv";
  }
  return "?";
}

std::pair<const oid*, size_t> auth_protocol_oid(AuthProtocol protocol) {
  switch (protocol) {
    case AuthProtocol::kMd5:
      return {usmHMACMD5AuthProtocol, OID_LENGTH(usmHMACMD5AuthProtocol)};
    case AuthProtocol::kSha:
      return {usmHMACSHA1AuthProtocol, OID_LENGTH(usmHMACSHA1AuthProtocol)};
    case AuthProtocol::kSha224:
      return {usmHMAC128SHA224AuthProtocol, OID_LENGTH(usmHMAC128SHA224AuthProtocol)};
    case AuthProtocol::kSha256:
      return {usmHMAC192SHA256AuthProtocol, OID_LENGTH(usmHMAC192SHA256AuthProtocol)};
    case AuthProtocol::kSha384:
      return {usmHMAC256SHA384AuthProtocol, OID_LENGTH(usmHMAC256SHA384AuthProtocol)};
    case AuthProtocol::kSha512:
      return {usmHMAC384SHA512AuthProtocol, OID_LENGTH(usmHMAC384SHA512AuthProtocol)};
  }
  throw std::logic_error("unknown SNMP auth protocol");
}

std::pair<const oid*, size_t> priv_protocol_oid(PrivProtocol protocol) {
  switch (protocol) {
    case PrivProtocol::kDes:
      return {usmDESPrivProtocol, OID_LENGTH(usmDESPrivProtocol)};
    case PrivProtocol::kAes:
      return {usmAESPrivProtocol, OID_LENGTH(usmAESPrivProtocol)};
  }
  throw std::logic_error("unknown SNMP priv protocol");
}

/// A USM key from a password (RFC 3414 password-to-key), into `key`.
void derive_key(const netsnmp_session& session, const std::string& password,
                std::string_view option, u_char* key, size_t* key_length) {
  if (password.size() < USM_LENGTH_P_MIN) {
    throw Error(ErrorKind::kBadConfig,
                cat(option, " must be at least ", USM_LENGTH_P_MIN, " characters for SNMP v3"));
  }
  const int status = generate_Ku(session.securityAuthProto, u_int(session.securityAuthProtoLen),
                                 reinterpret_cast<const u_char*>(password.data()), password.size(),
                                 key, key_length);
  if (status != SNMPERR_SUCCESS) {
    throw Error(ErrorKind::kBadConfig, cat("cannot derive the SNMP v3 key for ", option, ": ",
                                           snmp_api_errstring(status)));
  }
}

void set_security(netsnmp_session& session, SessionConfig& config) {
  switch (config.version) {
    case Version::kV1:
    case Version::kV2c:
      session.version = config.version == Version::kV1 ? SNMP_VERSION_1 : SNMP_VERSION_2c;
      session.community = reinterpret_cast<u_char*>(config.community.data());
      session.community_len = config.community.size();
      return;
    case Version::kV3:
      break;
  }
  session.version = SNMP_VERSION_3;
  if (config.username.empty()) {
    throw Error(ErrorKind::kBadConfig, "SNMP v3 needs a username");
  }
  session.securityName = config.username.data();
  session.securityNameLen = config.username.size();
  session.securityLevel = config.level == SecurityLevel::kNoAuthNoPriv ? SNMP_SEC_LEVEL_NOAUTH
                          : config.level == SecurityLevel::kAuthNoPriv ? SNMP_SEC_LEVEL_AUTHNOPRIV
                                                                       : SNMP_SEC_LEVEL_AUTHPRIV;
  if (config.level == SecurityLevel::kNoAuthNoPriv) return;
  const auto [auth, auth_length] = auth_protocol_oid(config.auth_protocol);
  session.securityAuthProto = snmp_duplicate_objid(auth, auth_length);
  session.securityAuthProtoLen = auth_length;
  session.securityAuthKeyLen = USM_AUTH_KU_LEN;
  derive_key(session, config.auth_password, "password", session.securityAuthKey,
             &session.securityAuthKeyLen);
  if (config.level == SecurityLevel::kAuthNoPriv) return;
  const auto [priv, priv_length] = priv_protocol_oid(config.priv_protocol);
  session.securityPrivProto = snmp_duplicate_objid(priv, priv_length);
  session.securityPrivProtoLen = priv_length;
  session.securityPrivKeyLen = USM_PRIV_KU_LEN;
  derive_key(session, config.priv_password, "snmp_priv_passwd", session.securityPrivKey,
             &session.securityPrivKeyLen);
}

/// Spreads `budget` over tries of at most a second each (net-snmp retransmits after each).
void set_timing(netsnmp_session& session, exec::Millis budget) {
  const long tries = std::max(1L, long(budget / 1s));
  session.retries = int(tries - 1);
  session.timeout =
      long(std::chrono::duration_cast<std::chrono::microseconds>(budget).count() / tries);
}

/// Which kind of failure a net-snmp library error is.
ErrorKind kind_of(int snmp_errno) {
  switch (snmp_errno) {
    case SNMPERR_TIMEOUT:
      return ErrorKind::kUnreachable;
    case SNMPERR_AUTHENTICATION_FAILURE:
    case SNMPERR_UNKNOWN_USER_NAME:
    case SNMPERR_UNSUPPORTED_SEC_LEVEL:
    case SNMPERR_UNKNOWN_SEC_MODEL:
    case SNMPERR_DECRYPTION_ERR:
    case SNMPERR_USM_AUTHENTICATIONFAILURE:
    case SNMPERR_USM_UNKNOWNSECURITYNAME:
    case SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL:
    case SNMPERR_USM_DECRYPTIONERROR:
    case SNMPERR_USM_UNKNOWNENGINEID:
      return ErrorKind::kAccess;
    case SNMPERR_BAD_ADDRESS:
    case SNMPERR_BAD_SEC_NAME:
    case SNMPERR_BAD_SEC_LEVEL:
      return ErrorKind::kBadConfig;
    default:
      return ErrorKind::kFailed;
  }
}

/// The kind and text of net-snmp's last error, as `read` (snmp_error, snmp_sess_error) tells.
template <typename Reader>
std::pair<ErrorKind, std::string> last_error(Reader read) {
  int system_error = 0;
  int library_error = 0;
  char* text = nullptr;
  read(&system_error, &library_error, &text);
  std::string message = text != nullptr ? text : "unknown error";
  std::free(text);
  return {kind_of(library_error), std::move(message)};
}

/// Errors a write gets when the agent will not let us write (as opposed to a bad value).
bool is_refusal(long error_status) {
  switch (error_status) {
    case SNMP_ERR_NOSUCHNAME:  // v1's answer to a read-only community
    case SNMP_ERR_READONLY:
    case SNMP_ERR_NOACCESS:
    case SNMP_ERR_NOTWRITABLE:
    case SNMP_ERR_NOCREATION:
    case SNMP_ERR_AUTHORIZATIONERROR:
      return true;
    default:
      return false;
  }
}

/// The OID a response's error index points at, for messages.
std::string failed_object(const netsnmp_pdu& response) {
  long index = 1;
  for (const netsnmp_variable_list* v = response.variables; v != nullptr; v = v->next_variable) {
    if (index++ == response.errindex) return to_string(oid_of(*v));
  }
  return "?";
}

/// What an agent drops without a word (so that only a timeout shows it), for messages.
std::string_view silent_rejection(const SessionConfig& config) {
  if (config.version != Version::kV3) return "this community";
  return config.level == SecurityLevel::kAuthPriv ? "this snmp_priv_passwd" : "these credentials";
}

}  // namespace

std::string describe(const SessionConfig& config) {
  return config.version == Version::kV3 ? cat("SNMP v3 (", level_name(config.level), ")")
                                        : cat("SNMP ", version_name(config.version));
}

struct Session::Handle {
  void* session = nullptr;
  ~Handle() {
    if (session != nullptr) snmp_sess_close(session);
  }

  /// Sends `request` (always consumed) and waits for the answer within the budget.
  UniquePdu exchange(UniquePdu request, const std::string& name, std::string_view silent_rejection,
                     exec::Millis request_timeout, const exec::Deadline& deadline) const {
    const exec::Millis budget = std::min(request_timeout, deadline.remaining());
    if (budget <= 0ms) {
      throw Error(ErrorKind::kTimeout, cat("no time left to ask ", name));
    }
    set_timing(*snmp_sess_session(session), budget);
    netsnmp_pdu* response = nullptr;
    const int status = snmp_sess_synch_response(session, request.release(), &response);
    UniquePdu answer(response);
    if (status == STAT_SUCCESS && answer) return answer;
    if (status == STAT_TIMEOUT) {
      throw Error(ErrorKind::kUnreachable,
                  cat("no answer from ", name, " within ", double(budget.count()) / 1000,
                      " s: the device is down or unreachable, or ignores ", silent_rejection));
    }
    const auto [kind, message] = last_error([this](int* system, int* library, char** text) {
      snmp_sess_error(session, system, library, text);
    });
    throw Error(kind, cat(name, ": ", message));
  }
};

Session::Session(const SessionConfig& config, const exec::Deadline& deadline)
    : handle_(std::make_unique<Handle>()),
      name_(cat(config.peer, " (", describe(config), ")")),
      version_(config.version),
      silent_rejection_(silent_rejection(config)),
      request_timeout_(config.request_timeout) {
  ensure_library();
  SessionConfig settings = config;  // net-snmp takes non-const pointers; it copies them
  netsnmp_session session;
  snmp_sess_init(&session);
  session.peername = settings.peer.data();
  try {
    set_security(session, settings);
  } catch (...) {
    SNMP_FREE(session.securityAuthProto);
    SNMP_FREE(session.securityPrivProto);
    throw;
  }
  // v3 engine discovery happens inside the open: bound it like a request.
  const exec::Millis budget = std::min(request_timeout_, deadline.remaining());
  set_timing(session, std::max(budget, 1ms));
  handle_->session = snmp_sess_open(&session);
  SNMP_FREE(session.securityAuthProto);
  SNMP_FREE(session.securityPrivProto);
  if (handle_->session == nullptr) {
    const auto [kind, message] = last_error([&session](int* system, int* library, char** text) {
      snmp_error(&session, system, library, text);
    });
    throw Error(kind,
                cat("cannot open an SNMP session to ", name_, ": ", message,
                    kind == ErrorKind::kUnreachable ? " (no answer to engine discovery)" : ""));
  }
}

Session::~Session() = default;

std::vector<Value> Session::get(std::vector<Oid> oids, const exec::Deadline& deadline) {
  std::vector<Value> values(oids.size());
  std::vector<size_t> pending(oids.size());
  for (size_t i = 0; i < pending.size(); ++i) pending[i] = i;
  while (!pending.empty()) {
    UniquePdu request = new_pdu(SNMP_MSG_GET);
    for (const size_t i : pending) snmp_add_null_var(request.get(), oids[i].data(), oids[i].size());
    const UniquePdu response =
        handle_->exchange(std::move(request), name_, silent_rejection_, request_timeout_, deadline);
    if (response->errstat == SNMP_ERR_NOSUCHNAME && response->errindex >= 1 &&
        size_t(response->errindex) <= pending.size()) {
      // v1 fails the whole request for one missing object: drop it and ask for the rest.
      pending.erase(pending.begin() + (response->errindex - 1));
      continue;
    }
    if (response->errstat != SNMP_ERR_NOERROR) {
      throw Error(ErrorKind::kFailed, cat(name_, " could not read ", failed_object(*response), ": ",
                                          snmp_errstring(int(response->errstat))));
    }
    size_t at = 0;
    for (const netsnmp_variable_list* v = response->variables; v != nullptr && at < pending.size();
         v = v->next_variable) {
      values[pending[at++]] = value_of(*v);
    }
    if (at != pending.size()) {
      throw Error(ErrorKind::kFailed,
                  cat(name_, " answered ", at, " of ", pending.size(), " objects asked for"));
    }
    pending.clear();
  }
  return values;
}

std::vector<VarBind> Session::walk(const Oid& subtree, const exec::Deadline& deadline) {
  std::vector<VarBind> rows;
  Oid next = subtree;
  while (true) {
    UniquePdu request = new_pdu(version_ == Version::kV1 ? SNMP_MSG_GETNEXT : SNMP_MSG_GETBULK);
    if (version_ != Version::kV1) {
      request->non_repeaters = 0;
      request->max_repetitions = kBulkRepetitions;
    }
    snmp_add_null_var(request.get(), next.data(), next.size());
    const UniquePdu response =
        handle_->exchange(std::move(request), name_, silent_rejection_, request_timeout_, deadline);
    if (response->errstat == SNMP_ERR_NOSUCHNAME) return rows;  // v1: past the last object
    if (response->errstat != SNMP_ERR_NOERROR) {
      throw Error(ErrorKind::kFailed, cat(name_, " could not walk ", to_string(subtree), ": ",
                                          snmp_errstring(int(response->errstat))));
    }
    if (response->variables == nullptr) return rows;
    for (const netsnmp_variable_list* v = response->variables; v != nullptr; v = v->next_variable) {
      VarBind row{oid_of(*v), value_of(*v)};
      if (row.value.type == Value::Type::kMissing || !is_below(row.oid, subtree)) return rows;
      if (!rows.empty() &&
          !std::lexicographical_compare(rows.back().oid.begin(), rows.back().oid.end(),
                                        row.oid.begin(), row.oid.end())) {
        throw Error(ErrorKind::kFailed,
                    cat(name_, " returned OIDs out of order while walking ", to_string(subtree)));
      }
      rows.push_back(std::move(row));
    }
    if (rows.size() > kMaxWalkRows) {
      throw Error(ErrorKind::kFailed, cat(name_, " returned more than ", kMaxWalkRows,
                                          " rows under ", to_string(subtree)));
    }
    next = rows.back().oid;
  }
}

void Session::set(const std::vector<std::pair<Oid, long>>& cells, const exec::Deadline& deadline) {
  UniquePdu request = new_pdu(SNMP_MSG_SET);
  for (const auto& [object, value] : cells) {
    snmp_pdu_add_variable(request.get(), object.data(), object.size(), ASN_INTEGER, &value,
                          sizeof value);
  }
  const UniquePdu response =
      handle_->exchange(std::move(request), name_, silent_rejection_, request_timeout_, deadline);
  if (response->errstat == SNMP_ERR_NOERROR) return;
  const std::string what =
      cat(failed_object(*response), ": ", snmp_errstring(int(response->errstat)));
  if (is_refusal(response->errstat)) {
    throw Error(ErrorKind::kAccess,
                cat(name_, " refused to write ", what, " (a read-only community or user?)"));
  }
  throw Error(ErrorKind::kFailed, cat(name_, " did not accept ", what));
}

}  // namespace hakit::fence::snmp
