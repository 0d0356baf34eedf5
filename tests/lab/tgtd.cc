#include "tgtd.h"

#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "exec/command.h"
#include "free_port.h"
#include "run_checked.h"
#include "util/strings.h"

namespace hakit::lab {

namespace {

using namespace std::chrono_literals;

constexpr std::string_view kRecordPrefix = "tgtd-";

std::vector<std::string> tgtadm_argv(int control_port, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"tgtadm", "-C", std::to_string(control_port), "--lld", "iscsi"};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

/// A control port no tgtd on this machine uses (tgtd listens on /var/run/tgtd/socket.N;
/// it takes N up to 32767).
int free_control_port() {
  constexpr int kFirst = 2000, kCount = 30000;
  for (int i = 0; i < kCount; ++i) {
    const int port = kFirst + (::getpid() + i) % kCount;
    if (::access(cat("/var/run/tgtd/socket.", port).c_str(), F_OK) != 0) return port;
  }
  throw std::runtime_error("no free tgtd control port");
}

/// Deletes every target of the tgtd on `control_port`, then makes it exit.
void shut_down(int control_port) {
  const auto deadline = exec::Deadline::in(10s);
  const exec::Result shown = exec::run(
      {.argv = tgtadm_argv(control_port, {"--mode", "target", "--op", "show"})}, deadline);
  for (const std::string& line : split(shown.out, "\n")) {
    if (!line.starts_with("Target ")) continue;
    const std::string tid = line.substr(7, line.find(':') - 7);
    exec::run({.argv = tgtadm_argv(
                   control_port, {"--mode", "target", "--op", "delete", "--force", "--tid", tid})},
              deadline);
  }
  exec::run({.argv = {"tgtadm", "-C", std::to_string(control_port), "--mode", "system", "--op",
                      "delete"}},
            deadline);
}

}  // namespace

Tgtd::Tgtd(const std::string& dir) : dir_(dir) {
  control_port_ = free_control_port();
  portal_port_ = free_port("127.0.0.1", SOCK_STREAM);
  daemon_.emplace(
      std::vector<std::string>{"/usr/sbin/tgtd", "-f", "-C", std::to_string(control_port_),
                               "--iscsi", cat("portal=127.0.0.1:", portal_port_)},
      dir_ + "/tgtd.log");
  record_.emplace(cat(kRecordPrefix, daemon_->pid()), cat(daemon_->pid(), " ", control_port_));
  // tgtd falls back to [::]:3260 when its portal is taken: wait for ours, not any.
  const bool ready = wait_until(
      [this] {
        return accepts_connections("127.0.0.1", portal_port_) &&
               exec::run({.argv = tgtadm_argv(control_port_, {"--mode", "target", "--op", "show"})},
                         exec::Deadline::in(5s))
                   .ok();
      },
      10s);
  if (!ready) {
    const std::string problem = cat("tgtd did not start on 127.0.0.1:", portal_port_,
                                    " (control port ", control_port_, "): ", log());
    stop();
    throw std::runtime_error(problem);
  }
}

Tgtd::~Tgtd() { stop(); }

std::string Tgtd::url() const { return cat("iscsi://127.0.0.1:", portal_port_, "/"); }

std::string Tgtd::tgtadm(const std::vector<std::string>& args) const {
  return run_checked(tgtadm_argv(control_port_, args), 10s);
}

bool Tgtd::running() const { return daemon_ && daemon_->running(); }

void Tgtd::stop() {
  if (daemon_ && daemon_->running()) shut_down(control_port_);
  if (daemon_) daemon_->stop(5s);  // it has exited by now; SIGKILL if it has not
  daemon_.reset();
  record_.reset();
}

std::string Tgtd::log() const {
  std::string text;
  read_file(dir_ + "/tgtd.log", text);
  return text;
}

bool Tgtd::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

void Tgtd::adopt_record(const std::string& record_name) {
  Record record = Record::adopt(record_name);
  const auto fields = split(record.value());
  if (fields.size() != 2) return;
  Daemon daemon = Daemon::adopt(std::stoi(fields[0]), "tgtd");
  if (daemon.running()) shut_down(std::stoi(fields[1]));
  daemon.stop(5s);
}

}  // namespace hakit::lab
