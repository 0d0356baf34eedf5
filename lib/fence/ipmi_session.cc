#include "fence/ipmi_session.h"

#include <OpenIPMI/ipmi_addr.h>
#include <OpenIPMI/ipmi_auth.h>
#include <OpenIPMI/ipmi_conn.h>
#include <OpenIPMI/ipmi_err.h>
#include <OpenIPMI/ipmi_lan.h>
#include <OpenIPMI/ipmi_posix.h>
#include <OpenIPMI/ipmiif.h>
#include <OpenIPMI/selector.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>

#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

using namespace std::chrono_literals;

/// A second is plenty for a Close Session on a BMC that answers; one that does not answer
/// must not hold up the fence action's result.
constexpr exec::Millis kCloseTimeout = 1s;

void log_openipmi(os_handler_t*, const char* format, enum ipmi_log_type_e, va_list args) {
  char line[512];
  std::vsnprintf(line, sizeof line, format, args);
  ocf::log_debug(cat("OpenIPMI: ", line));
}

/// OpenIPMI's process-wide state: the non-threaded POSIX OS handler and its selector,
/// initialised on first use and shut down at exit.
class OpenIpmi {
 public:
  static OpenIpmi& instance() {
    static OpenIpmi library;
    return library;
  }
  os_handler_t* os() const { return os_; }

  /// Runs OpenIPMI's timers and socket handlers until `done()` or `deadline`.
  void run_until(const std::function<bool()>& done, const exec::Deadline& deadline) const {
    while (!done()) {
      const exec::Millis left = deadline.remaining();
      if (left.count() <= 0) return;
      timeval timeout{.tv_sec = left.count() / 1000, .tv_usec = (left.count() % 1000) * 1000};
      if (sel_select(selector_, nullptr, 0, nullptr, &timeout) < 0 && errno != EINTR) {
        throw std::runtime_error(cat("OpenIPMI select failed: ", std::strerror(errno)));
      }
    }
  }

 private:
  OpenIpmi() : os_(ipmi_posix_setup_os_handler()) {
    if (os_ == nullptr) throw std::bad_alloc();
    os_->set_log_handler(os_, log_openipmi);
    selector_ = ipmi_posix_os_handler_get_sel(os_);
    if (const int error = ipmi_init(os_); error != 0) {
      throw std::runtime_error(cat("OpenIPMI initialisation failed (", error, ")"));
    }
  }
  ~OpenIpmi() {
    ipmi_shutdown();
    // The selector frees a cleared fd handler only on its next pass: give it one.
    timeval now{};
    sel_select(selector_, nullptr, 0, nullptr, &now);
    os_->free_os_handler(os_);
  }
  os_handler_t* os_;
  selector_s* selector_ = nullptr;
};

std::string error_text(int error) {
  char text[128];
  ipmi_get_error_string(unsigned(error), text, sizeof text);
  return text;
}

/// Whether a failed login means the BMC refused us (as opposed to never answering).
bool is_refusal(int error) {
  if (IPMI_IS_RMCPP_ERR(error)) return true;
  if (IPMI_IS_IPMI_ERR(error)) return IPMI_GET_IPMI_ERR(error) != IPMI_TIMEOUT_CC;
  return error == EINVAL || error == EPERM || error == EACCES;
}

/// Why the BMC refused: OpenIPMI reports a key that does not match the BMC's (RMCP+'s RAKP
/// message 2) as a bare EINVAL.
std::string refusal_reason(int error) {
  return IPMI_IS_OS_ERR(error) ? "authentication failed" : error_text(error);
}

unsigned int authtype_of(IpmiAuth auth) {
  switch (auth) {
    case IpmiAuth::kNone:
      return IPMI_AUTHTYPE_NONE;
    case IpmiAuth::kPassword:
      return IPMI_AUTHTYPE_STRAIGHT;
    case IpmiAuth::kMd5:
      break;
  }
  return IPMI_AUTHTYPE_MD5;
}

std::string seconds(exec::Millis duration) { return cat(double(duration.count()) / 1000, " s"); }

/// What OpenIPMI's callbacks report. It stays where they can reach it until the connection
/// is closed and no request is outstanding.
struct Inbox {
  bool up = false;
  bool lost = false;    ///< down again after being up
  int login_error = 0;  ///< why it never came up
  std::uint64_t awaited = 0;
  std::optional<std::vector<std::uint8_t>> answer;  ///< completion code first
  int outstanding = 0;
  bool closed = false;
};

void on_connection_change(ipmi_con_t*, int error, unsigned int, int any_port_up, void* data) {
  Inbox& inbox = *static_cast<Inbox*>(data);
  if (error == 0) {
    inbox.up = true;
  } else if (any_port_up == 0) {
    if (inbox.up) {
      inbox.lost = true;
    } else {
      inbox.login_error = error;
    }
  }
}

int on_answer(ipmi_con_t*, ipmi_msgi_t* item) {
  Inbox& inbox = *static_cast<Inbox*>(item->data1);
  --inbox.outstanding;
  if (reinterpret_cast<std::uintptr_t>(item->data2) == inbox.awaited) {
    inbox.answer.emplace(item->msg.data, item->msg.data + item->msg.data_len);
  }
  return IPMI_MSG_ITEM_NOT_USED;
}

void on_closed(ipmi_con_t*, void* data) { static_cast<Inbox*>(data)->closed = true; }

}  // namespace

/// An OpenIPMI LAN connection: set up and started by the constructor, closed by the destructor.
class IpmiSession::Connection {
 public:
  explicit Connection(const IpmiConfig& config)
      : peer_(config.describe()),
        lanplus_(config.lanplus),
        login_timeout_(config.login_timeout),
        command_timeout_(config.command_timeout),
        inbox_(std::make_unique<Inbox>()) {
    std::string address = config.address;
    std::string port = std::to_string(config.port);
    std::string username = config.username;
    std::string password = config.password;
    std::string bmc_key = config.bmc_key;
    char* addresses[] = {address.data()};
    char* ports[] = {port.data()};
    std::vector<ipmi_lanp_parm_t> parameters{
        {IPMI_LANP_PARMID_ADDRS, 0, addresses, 1},
        {IPMI_LANP_PARMID_PORTS, 0, ports, 1},
        {IPMI_LANP_PARMID_USERNAME, 0, username.data(), unsigned(username.size())},
        {IPMI_LANP_PARMID_PASSWORD, 0, password.data(), unsigned(password.size())},
        {IPMI_LANP_PARMID_PRIVILEGE, int(config.privilege), nullptr, 0},
    };
    // An unset authentication type lets OpenIPMI pick RMCP+ on its own: always say which.
    if (config.lanplus) {
      parameters.push_back({IPMI_LANP_PARMID_AUTHTYPE, IPMI_AUTHTYPE_RMCP_PLUS, nullptr, 0});
      parameters.push_back(
          {IPMI_LANP_AUTHENTICATION_ALGORITHM, config.suite.authentication, nullptr, 0});
      parameters.push_back({IPMI_LANP_INTEGRITY_ALGORITHM, config.suite.integrity, nullptr, 0});
      parameters.push_back(
          {IPMI_LANP_CONFIDENTIALITY_ALGORITHM, config.suite.confidentiality, nullptr, 0});
      if (!bmc_key.empty()) {
        parameters.push_back({IPMI_LANP_BMC_KEY, 0, bmc_key.data(), unsigned(bmc_key.size())});
      }
    } else {
      parameters.push_back({IPMI_LANP_PARMID_AUTHTYPE, int(authtype_of(config.auth)), nullptr, 0});
    }
    const int error = ipmi_lanp_setup_con(parameters.data(), unsigned(parameters.size()),
                                          OpenIpmi::instance().os(), nullptr, &con_);
    if (error != 0) {
      throw Error(ErrorKind::kUnreachable, cat("cannot set up a connection to ", config.describe(),
                                               ": ", error_text(error)));
    }
    con_->add_con_change_handler(con_, on_connection_change, inbox_.get());
  }

  ~Connection() {
    if (con_->close_connection_done(con_, on_closed, inbox_.get()) == 0) {
      OpenIpmi::instance().run_until([this] { return inbox_->closed; },
                                     exec::Deadline::in(kCloseTimeout));
    }
    // Unless OpenIPMI is done with it, a late callback may still write into the inbox: it is
    // left allocated then (this happens only when a BMC stops answering mid-request).
    if (!inbox_->closed || inbox_->outstanding != 0) static_cast<void>(inbox_.release());
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void log_in(const exec::Deadline& deadline) {
    if (const int error = con_->start_con(con_); error != 0) {
      throw Error(ErrorKind::kUnreachable,
                  cat("cannot connect to ", peer_, ": ", error_text(error)));
    }
    const exec::Deadline window = deadline.capped(login_timeout_);
    OpenIpmi::instance().run_until([this] { return inbox_->up || inbox_->login_error != 0; },
                                   window);
    if (inbox_->up) return;
    if (inbox_->login_error == 0) {
      // An IPMI 1.5 BMC silently drops a login whose authentication code is wrong.
      throw Error(
          ErrorKind::kUnreachable,
          cat("no answer from the BMC at ", peer_, " within ", seconds(login_timeout_),
              lanplus_ ? "" : " (an IPMI 1.5 BMC also ignores a wrong username or password)"));
    }
    if (is_refusal(inbox_->login_error)) {
      throw Error(
          ErrorKind::kAccess,
          cat("the BMC at ", peer_, " refused the login (", refusal_reason(inbox_->login_error),
              "): check username, password, privlvl and ", lanplus_ ? "cipher" : "auth"));
    }
    throw Error(ErrorKind::kUnreachable, cat("the BMC at ", peer_, " did not complete the login: ",
                                             error_text(inbox_->login_error)));
  }

  std::vector<std::uint8_t> send(const IpmiRequest& request, const exec::Deadline& deadline) {
    if (inbox_->lost) {
      throw Error(ErrorKind::kUnreachable,
                  cat(request.name, ": the session with the BMC at ", peer_, " was lost"));
    }
    ipmi_system_interface_addr_t bmc{};
    bmc.addr_type = IPMI_SYSTEM_INTERFACE_ADDR_TYPE;
    bmc.channel = IPMI_BMC_CHANNEL;
    std::vector<std::uint8_t> data = request.data;
    ipmi_msg_t message{};
    message.netfn = request.netfn;
    message.cmd = request.command;
    message.data = data.data();
    message.data_len = static_cast<unsigned short>(data.size());
    ipmi_msgi_t* item = ipmi_alloc_msg_item();
    if (item == nullptr) throw std::bad_alloc();
    item->data1 = inbox_.get();
    // OpenIPMI's callback data is a void*: it carries the request number, never dereferenced.
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    item->data2 = reinterpret_cast<void*>(std::uintptr_t(++inbox_->awaited));
    inbox_->answer.reset();
    const int error = con_->send_command(con_, reinterpret_cast<ipmi_addr_t*>(&bmc), sizeof bmc,
                                         &message, on_answer, item);
    if (error != 0) {
      ipmi_free_msg_item(item);
      throw Error(ErrorKind::kUnreachable,
                  cat(request.name, ": cannot send to the BMC: ", error_text(error)));
    }
    ++inbox_->outstanding;
    OpenIpmi::instance().run_until([this] { return inbox_->answer || inbox_->lost; },
                                   deadline.capped(command_timeout_));
    if (!inbox_->answer) {
      throw Error(
          ErrorKind::kUnreachable,
          cat(request.name, ": no answer from the BMC at ", peer_,
              inbox_->lost ? " (session lost)" : cat(" within ", seconds(command_timeout_))));
    }
    const std::vector<std::uint8_t> answer = std::move(*inbox_->answer);
    if (answer.empty()) {
      throw Error(ErrorKind::kFailed, cat(request.name, ": the BMC's answer is empty"));
    }
    if (answer[0] != 0) throw completion_error(request, answer[0]);
    return {answer.begin() + 1, answer.end()};
  }

 private:
  std::string peer_;  ///< IpmiConfig::describe(), for messages
  bool lanplus_;
  exec::Millis login_timeout_;
  exec::Millis command_timeout_;
  std::unique_ptr<Inbox> inbox_;
  ipmi_con_t* con_ = nullptr;
};

IpmiSession::IpmiSession(const IpmiConfig& config, const exec::Deadline& deadline)
    : connection_(std::make_unique<Connection>(config)) {
  connection_->log_in(deadline);
  ocf::log_debug(cat("logged in to the BMC at ", config.describe()));
}

IpmiSession::~IpmiSession() = default;

std::vector<std::uint8_t> IpmiSession::send(const IpmiRequest& request,
                                            const exec::Deadline& deadline) {
  return connection_->send(request, deadline);
}

}  // namespace hakit::fence
