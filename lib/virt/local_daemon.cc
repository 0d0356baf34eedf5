#include "virt/local_daemon.h"

#include <libvirt/virterror.h>

#include <algorithm>
#include <array>

#include "exec/unix_stream.h"
#include "ocf/log.h"
#include "util/strings.h"
#include "virt/connection.h"
#include "virt/remote_message.h"
#include "virt/xdr.h"

namespace hakit::virt {
namespace {

constexpr std::array kLocalDrivers = {"qemu", "xen", "lxc"};
constexpr std::string_view kSocketDir = "/run/libvirt/";
constexpr int32_t kAuthNone = 0;        // REMOTE_AUTH_NONE
constexpr uint32_t kMaxAuthTypes = 20;  // REMOTE_AUTH_TYPE_LIST_MAX

struct NoAnswer {};  // the daemon took a call and did not answer by the deadline

/// One connection to the daemon: calls in order, each answered before the next.
class Session {
 public:
  Session(const LocalDaemon& daemon, const exec::Deadline& deadline)
      : stream_(daemon.socket), deadline_(deadline) {}
  bool connected() const { return stream_.connected(); }

  /// The reply to `procedure`; nullopt when the daemon closed the connection or sent what
  /// this client does not read. Throws NoAnswer, XdrError.
  std::optional<RemoteMessage> call(RemoteProcedure procedure, std::string_view arguments) {
    const uint32_t serial = ++serial_;
    if (!stream_.send_all(encode_call(procedure, serial, arguments), deadline_)) return fail();
    for (;;) {  // events and keepalive messages may come first
      auto message = receive();
      if (!message) return std::nullopt;
      if (message->answers(procedure, serial)) return message;
    }
  }

 private:
  std::optional<RemoteMessage> receive() {
    std::array<char, kRemoteLengthSize> length_bytes{};
    if (!stream_.receive_exactly(length_bytes.data(), length_bytes.size(), deadline_)) {
      return fail();
    }
    const uint32_t length = XdrReader({length_bytes.data(), length_bytes.size()}).u32();
    if (length < kRemoteLengthSize + kRemoteHeaderSize || length > kMaxRemoteMessage)
      return std::nullopt;
    std::string rest(length - kRemoteLengthSize, '\0');
    if (!stream_.receive_exactly(rest.data(), rest.size(), deadline_)) return fail();
    return decode_message(rest);
  }

  std::optional<RemoteMessage> fail() const {
    if (deadline_.expired()) throw NoAnswer{};
    return std::nullopt;
  }

  exec::UnixStream stream_;
  exec::Deadline deadline_;
  uint32_t serial_ = 0;
};

/// What a failed reply means for the state: no such domain is "shut off"; anything else is
/// for libvirt.so to report.
std::optional<DomainState> state_after_error(const RemoteMessage& reply) {
  const RemoteError error = decode_error(reply.body);
  if (error.code == VIR_ERR_NO_DOMAIN) return DomainState::kShutOff;
  ocf::log_debug(cat("libvirtd's answer: ", error.message, " (error ", error.code,
                     "); asking through libvirt"));
  return std::nullopt;
}

/// Whether the daemon lets this client in without authentication. Asking is what makes
/// libvirtd waive its default polkit check for root, as it does for libvirt.so's client.
bool needs_no_authentication(Session& daemon) {
  const auto methods = daemon.call(RemoteProcedure::kAuthList, "");
  if (!methods || methods->failed) return false;
  XdrReader list(methods->body);
  const uint32_t count = list.u32();
  if (count == 0 || count > kMaxAuthTypes) return false;
  for (uint32_t i = 0; i < count; ++i) {
    if (list.i32() == kAuthNone) return true;
  }
  ocf::log_debug("libvirtd wants authentication: asking through libvirt");
  return false;
}

std::optional<DomainState> ask(Session& daemon, const std::string& uri, const std::string& name) {
  if (!needs_no_authentication(daemon)) return std::nullopt;
  XdrWriter open;
  open.u32(1);  // the URI is present
  open.string(uri);
  open.u32(VIR_CONNECT_RO);
  const auto opened = daemon.call(RemoteProcedure::kConnectOpen, open.bytes());
  if (!opened) return std::nullopt;
  if (opened->failed) return state_after_error(*opened);

  XdrWriter lookup;
  lookup.string(name);
  const auto found = daemon.call(RemoteProcedure::kDomainLookupByName, lookup.bytes());
  if (!found) return std::nullopt;
  if (found->failed) return state_after_error(*found);
  XdrReader domain(found->body);
  XdrWriter get_state;  // the domain as the daemon named it, then flags
  get_state.string(domain.string(kRemoteStringMax));
  get_state.fixed_opaque(domain.fixed_opaque(VIR_UUID_BUFLEN));
  get_state.i32(domain.i32());
  get_state.u32(0);
  const auto state = daemon.call(RemoteProcedure::kDomainGetState, get_state.bytes());
  if (!state) return std::nullopt;
  if (state->failed) return state_after_error(*state);
  return domain_state(XdrReader(state->body).i32());
}

}  // namespace

std::optional<LocalDaemon> local_daemon_for(
    std::string_view uri, const std::function<bool(const std::string&)>& socket_exists) {
  const size_t scheme_end = uri.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string_view scheme = uri.substr(0, scheme_end);
  std::string_view rest = uri.substr(scheme_end + 3);
  std::string_view transport;
  if (const size_t plus = scheme.find('+'); plus != std::string_view::npos) {
    transport = scheme.substr(plus + 1);
    scheme = scheme.substr(0, plus);
  }
  if (!transport.empty() && transport != "unix") return std::nullopt;
  if (std::find(kLocalDrivers.begin(), kLocalDrivers.end(), scheme) == kLocalDrivers.end()) {
    return std::nullopt;
  }
  std::string_view query;
  if (const size_t question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  if (rest != "/system") return std::nullopt;  // a host, or the session daemon

  LocalDaemon daemon{"", cat(scheme, ":///system")};
  if (!query.empty()) {
    if (!query.starts_with("socket=") || query.find('&') != std::string_view::npos) {
      return std::nullopt;  // modes, escapes and other options are libvirt's to interpret
    }
    daemon.socket = query.substr(7);
    return daemon.socket.empty() ? std::nullopt : std::optional(daemon);
  }
  // As libvirt's client chooses: the driver's own daemon where it listens, else libvirtd.
  const std::string direct = cat(kSocketDir, "virt", scheme, "d-sock-ro");
  daemon.socket = socket_exists(direct) ? direct : cat(kSocketDir, "libvirt-sock-ro");
  return daemon;
}

std::optional<DomainState> state_from_local_daemon(const LocalDaemon& daemon,
                                                   const std::string& name,
                                                   const exec::Deadline& deadline) {
  Session session(daemon, deadline);
  if (!session.connected()) return std::nullopt;
  try {
    return ask(session, daemon.uri, name);
  } catch (const NoAnswer&) {
    throw Unreachable(
        cat("libvirtd at ", daemon.socket, " took the connection but did not answer", " (hung?)"));
  } catch (const XdrError& error) {
    ocf::log_debug(
        cat("libvirtd's answer does not decode (", error.what(), "); asking through libvirt"));
    return std::nullopt;
  }
}

}  // namespace hakit::virt
