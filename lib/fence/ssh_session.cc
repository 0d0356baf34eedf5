#include "fence/ssh_session.h"

#include <libssh/libssh.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

using namespace std::chrono_literals;

struct FreeChannel {
  void operator()(ssh_channel channel) const { ssh_channel_free(channel); }
};
struct FreeKey {
  void operator()(ssh_key key) const { ssh_key_free(key); }
};
struct FreeText {
  void operator()(char* text) const { ssh_string_free_char(text); }
};

int milliseconds_left(const exec::Deadline& deadline) {
  return int(std::clamp<exec::Millis::rep>(deadline.remaining().count(), 1, 1 << 30));
}

void append_bounded(std::string& to, const char* data, int size, size_t max_output) {
  if (size > 0 && to.size() < max_output) {
    to.append(data, std::min(size_t(size), max_output - to.size()));
  }
}

/// "SHA256:..." of the key the server offered, or "" when libssh cannot tell.
std::string offered_key_fingerprint(ssh_session session) {
  ssh_key raw_key = nullptr;
  if (ssh_get_server_publickey(session, &raw_key) != SSH_OK) return "";
  const std::unique_ptr<ssh_key_struct, FreeKey> key(raw_key);
  unsigned char* hash = nullptr;
  size_t length = 0;
  if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != 0) return "";
  const std::unique_ptr<char, FreeText> text(
      ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length));
  ssh_clean_pubkey_hash(&hash);
  return text ? std::string(text.get()) : "";
}

}  // namespace

std::string SshLogin::describe() const { return cat(user, "@", host, ":", port); }

void SshSession::Free::operator()(ssh_session_struct* session) const {
  ssh_disconnect(session);
  ssh_free(session);
}

SshSession::SshSession(SshLogin login, const exec::Deadline& deadline)
    : login_(std::move(login)), session_(ssh_new()) {
  if (!session_) throw Error(ErrorKind::kFailed, "libssh cannot create a session");
  ssh_session s = session_.get();
  const auto port = unsigned(login_.port);
  // The fence options are the whole configuration: no ~/.ssh/config (it could name a
  // ProxyCommand, which libssh would run through a shell).
  const bool process_config = false;
  if (ssh_options_set(s, SSH_OPTIONS_HOST, login_.host.c_str()) != SSH_OK ||
      ssh_options_set(s, SSH_OPTIONS_PORT, &port) != SSH_OK ||
      ssh_options_set(s, SSH_OPTIONS_USER, login_.user.c_str()) != SSH_OK ||
      ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &process_config) != SSH_OK ||
      (!login_.known_hosts.empty() &&
       ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, login_.known_hosts.c_str()) != SSH_OK)) {
    fail(ErrorKind::kBadConfig, "setting up the session");
  }
  bound_by(deadline);
  if (ssh_connect(s) != SSH_OK) fail(ErrorKind::kUnreachable, "connecting");
  verify_host_key();
  authenticate(deadline);
}

SshSession::~SshSession() {
  // Disconnecting sends a last message: a dead peer must not hold us up.
  bound_by(exec::Deadline::in(200ms));
}

void SshSession::bound_by(const exec::Deadline& deadline) {
  // In blocking mode libssh waits at most this long in each call; 0 would mean its default.
  const long none = 0;
  const long usec = long(milliseconds_left(deadline)) * 1000;
  ssh_options_set(session_.get(), SSH_OPTIONS_TIMEOUT, &none);
  ssh_options_set(session_.get(), SSH_OPTIONS_TIMEOUT_USEC, &usec);
}

void SshSession::fail(ErrorKind kind, const std::string& what) {
  usable_ = false;
  throw Error(kind, cat(login_.describe(), ": ", what, " failed: ", ssh_get_error(session_.get())));
}

void SshSession::verify_host_key() {
  const std::string file = login_.known_hosts.empty() ? "~/.ssh/known_hosts" : login_.known_hosts;
  const ssh_known_hosts_e known = ssh_session_is_known_server(session_.get());
  if (known == SSH_KNOWN_HOSTS_OK) return;
  const std::string offered = cat("the host key ", offered_key_fingerprint(session_.get()));
  if (!login_.verify_host_key) {
    ocf::log_warning(cat(login_.describe(), ": ", offered, " is not verified (ssh_insecure)"));
    return;
  }
  switch (known) {
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
      throw Error(ErrorKind::kAccess,
                  cat(login_.describe(), ": ", offered, " differs from the one recorded in ", file,
                      ": refusing to log in (someone may be impersonating the device; if its key "
                      "was replaced on purpose, update ",
                      file, ")"));
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
      throw Error(ErrorKind::kBadConfig,
                  cat(login_.describe(), ": ", offered, " is not in ", file,
                      ": add it (ssh-keyscan, after checking the fingerprint), name another file "
                      "(known_hosts), or turn verification off (ssh_insecure)"));
    default:
      fail(ErrorKind::kFailed, cat("checking the host key against ", file));
  }
}

void SshSession::authenticate(const exec::Deadline& deadline) {
  ssh_session s = session_.get();
  std::vector<std::string> tried;
  const auto accepted = [&](int result, std::string method) {
    if (result == SSH_AUTH_SUCCESS) return true;
    if (result == SSH_AUTH_ERROR) fail(ErrorKind::kUnreachable, cat("logging in with ", method));
    if (result == SSH_AUTH_AGAIN) {
      usable_ = false;
      throw Error(ErrorKind::kUnreachable,
                  cat(login_.describe(), ": no answer to the login in time"));
    }
    tried.push_back(std::move(method));
    return false;
  };
  const char* password = login_.password ? login_.password->c_str() : nullptr;
  bound_by(deadline);
  if (!login_.identity_file.empty()) {
    ssh_key raw_key = nullptr;
    const int read = ssh_pki_import_privkey_file(login_.identity_file.c_str(), password, nullptr,
                                                 nullptr, &raw_key);
    if (read != SSH_OK) {
      throw Error(ErrorKind::kBadConfig,
                  cat("cannot read identity_file ", login_.identity_file,
                      read == SSH_EOF ? ": no such readable file"
                                      : ": not a private key, or the passphrase is wrong"));
    }
    const std::unique_ptr<ssh_key_struct, FreeKey> key(raw_key);
    if (accepted(ssh_userauth_publickey(s, nullptr, key.get()), "key " + login_.identity_file)) {
      return;
    }
  }
  if (password != nullptr && accepted(ssh_userauth_password(s, nullptr, password), "password")) {
    return;
  }
  if (login_.identity_file.empty() && password == nullptr &&
      accepted(ssh_userauth_publickey_auto(s, nullptr, nullptr), "the default keys")) {
    return;
  }
  usable_ = false;
  throw Error(ErrorKind::kAccess,
              cat(login_.describe(), ": login refused (tried ", join(tried, ", "), ")"));
}

SshOutput SshSession::run(const std::string& command, const exec::Deadline& deadline,
                          size_t max_output) {
  ssh_session s = session_.get();
  bound_by(deadline);
  const std::unique_ptr<ssh_channel_struct, FreeChannel> channel(ssh_channel_new(s));
  if (!channel) fail(ErrorKind::kFailed, "creating a channel");
  if (ssh_channel_open_session(channel.get()) != SSH_OK) {
    fail(ErrorKind::kUnreachable, "opening a session channel");
  }
  if (ssh_channel_request_exec(channel.get(), command.c_str()) != SSH_OK) {
    fail(ErrorKind::kFailed, cat("running '", command, "'"));
  }
  SshOutput output;
  std::array<char, 4096> buffer{};
  // stdout until end of file, draining stderr as it comes so that neither stream can
  // fill its window and stall the command.
  while (!ssh_channel_is_eof(channel.get())) {
    if (deadline.expired()) {
      usable_ = false;
      throw Error(ErrorKind::kTimeout,
                  cat(login_.describe(), ": '", command, "' did not finish in time"));
    }
    const int read = ssh_channel_read_timeout(channel.get(), buffer.data(), buffer.size(), 0,
                                              milliseconds_left(deadline));
    if (read == SSH_ERROR)
      fail(ErrorKind::kUnreachable, cat("reading the output of '", command, "'"));
    append_bounded(output.out, buffer.data(), read, max_output);
    int read_err = 0;
    while ((read_err =
                ssh_channel_read_nonblocking(channel.get(), buffer.data(), buffer.size(), 1)) > 0) {
      append_bounded(output.err, buffer.data(), read_err, max_output);
    }
    if (read_err == SSH_ERROR)
      fail(ErrorKind::kUnreachable, cat("reading the errors of '", command, "'"));
  }
  bound_by(deadline);
  output.exit_status = ssh_channel_get_exit_status(channel.get());
  return output;
}

}  // namespace hakit::fence
