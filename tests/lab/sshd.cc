#include "sshd.h"

#include <sys/socket.h>
#include <sys/stat.h>

#include <fstream>
#include <stdexcept>

#include "exec/command.h"
#include "free_port.h"
#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::lab {

namespace {

using namespace std::chrono_literals;

constexpr std::string_view kRecordPrefix = "sshd-";

void write_file(const std::string& path, const std::string& contents, mode_t mode = 0644) {
  std::ofstream out(path, std::ios::trunc);
  out << contents;
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
  chmod(path.c_str(), mode);
}

/// /etc/passwd with root's shell /bin/sh: a simulated device has no login scripts to run
/// (root's ~/.bashrc here starts programs, which would slow every session down).
std::string passwd_with_plain_root_shell() {
  std::string passwd;
  if (!read_file("/etc/passwd", passwd)) throw std::runtime_error("cannot read /etc/passwd");
  std::string result;
  for (const std::string& line : split(passwd, "\n")) {
    result +=
        line.starts_with("root:") ? line.substr(0, line.rfind(':')) + ":/bin/sh\n" : line + "\n";
  }
  return result;
}

/// /etc/shadow with root's password replaced by a hash of `password` (openssl reads it on
/// stdin, so it is on no command line).
std::string shadow_with_root_password(const std::string& password) {
  const exec::Result hashed =
      exec::run({.argv = {"openssl", "passwd", "-6", "-stdin"}, .input = password + "\n"},
                exec::Deadline::in(10s));
  std::string shadow;
  if (!hashed.ok() || !read_file("/etc/shadow", shadow)) {
    throw std::runtime_error("cannot make a shadow file: " + hashed.first_error_line());
  }
  std::string result;
  for (const std::string& line : split(shadow, "\n")) {
    if (line.starts_with("root:")) {
      const size_t hash_end = line.find(':', 5);
      result += cat("root:", trim(hashed.out), line.substr(hash_end), "\n");
    } else {
      result += line + "\n";
    }
  }
  return result;
}

std::string sshd_config(const SshdConfig& config, const std::string& dir) {
  const bool passwords = config.root_password.has_value();
  std::string text =
      cat("ListenAddress ", config.address, "\nPort ", config.port, "\nHostKey ", dir,
          "/ssh_host_ed25519_key\nPidFile ", dir, "/sshd.pid\nAuthorizedKeysFile ", dir,
          "/authorized_keys\nPermitRootLogin ", passwords ? "yes" : "prohibit-password",
          "\nPubkeyAuthentication yes\nPasswordAuthentication ", passwords ? "yes" : "no",
          "\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
          "LogLevel VERBOSE\n");
  if (!config.environment.empty()) text += cat("SetEnv ", join(config.environment, " "), "\n");
  if (!config.force_command.empty()) text += cat("ForceCommand ", config.force_command, "\n");
  return text;
}

}  // namespace

namespace {

/// Whether sshd accepts connections: connecting from here, or, in a namespace this
/// machine may have no route into (a box's node), as `ss` sees its listening sockets there.
bool listening(const SshdConfig& config) {
  if (config.netns.empty()) return accepts_connections(config.address, config.port);
  const auto sockets = exec::run({.argv = {"ip", "netns", "exec", config.netns, "ss", "-Hltn",
                                           "src", cat(config.address, ":", config.port)}},
                                 exec::Deadline::in(5s));
  return sockets.ok() && !trim(sockets.out).empty();
}

}  // namespace

Sshd::Sshd(const std::string& dir, SshdConfig config) : config_(std::move(config)), dir_(dir) {
  if (config_.port == 0) config_.port = free_port(config_.address, SOCK_STREAM);
  host_key_ = generate_ssh_key(dir_ + "/ssh_host_ed25519_key", "hakit-lab-sshd");
  known_hosts_ = dir_ + "/known_hosts";
  write_file(known_hosts_, known_hosts_entry(config_.address, config_.port, host_key_.public_key));
  write_file(dir_ + "/authorized_keys", join(config_.authorized_keys, "\n") + "\n");
  const std::string passwd = dir_ + "/passwd";
  write_file(passwd, passwd_with_plain_root_shell());
  std::string shadow;
  if (config_.root_password) {
    shadow = dir_ + "/shadow";
    write_file(shadow, shadow_with_root_password(*config_.root_password), 0600);
  }
  const std::string config_path = dir_ + "/sshd_config";
  write_file(config_path, sshd_config(config_, dir_));

  std::vector<std::string> argv;
  if (!config_.netns.empty()) argv = {"/usr/sbin/ip", "netns", "exec", config_.netns};
  for (const std::string& arg :
       {std::string("/usr/bin/unshare"), std::string("--mount"), std::string("--propagation"),
        std::string("private"), std::string(HAKIT_LAB_SIM_DIR "/sshd-sandbox"), passwd, shadow,
        std::string("-D"), std::string("-e"), std::string("-f"), config_path}) {
    argv.push_back(arg);
  }
  daemon_.emplace(argv, dir_ + "/sshd.log");
  record_.emplace(cat(kRecordPrefix, daemon_->pid()), std::to_string(daemon_->pid()));
  if (!wait_until([this] { return listening(config_); }, 10s)) {
    const std::string problem =
        cat("sshd did not start on ", config_.address, ":", config_.port, ": ", log());
    stop();
    throw std::runtime_error(problem);
  }
}

Sshd::~Sshd() { stop(); }

void Sshd::stop() {
  if (daemon_) daemon_->stop(3s);
  daemon_.reset();
  record_.reset();
}

std::string Sshd::log() const {
  std::string text;
  read_file(dir_ + "/sshd.log", text);
  return text;
}

bool Sshd::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

void Sshd::adopt_record(const std::string& record_name) {
  Record record = Record::adopt(record_name);
  Daemon::adopt(std::stoi(record.value()), "sshd").stop(3s);
}

}  // namespace hakit::lab
