#include "libvirt_host.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <thread>

#include "exec/command.h"
#include "util/strings.h"

namespace hakit::lab {
namespace {

constexpr std::string_view kRecordPrefix = "libvirt-host-";
constexpr auto kStartTimeout = std::chrono::seconds(30);

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

void make_dir(const std::string& path) {
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) {
    throw std::runtime_error("cannot create " + path);
  }
}

}  // namespace

// LAB.md §5: qemu as root without the security drivers, cgroups or virtlogd this
// machine lacks.
std::string libvirt_qemu_conf() {
  return R"(user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
namespaces = []
cgroup_controllers = []
stdio_handler = "file"
)";
}

std::string libvirtd_conf(const std::string& dir, int index, const std::string& tcp_address,
                          SocketAuth auth) {
  const std::string tcp = tcp_address.empty() ? "listen_tcp = 0\n"
                                              : cat("listen_tcp = 1\nlisten_addr = \"", tcp_address,
                                                    "\"\nauth_tcp = \"none\"\n");
  const char* unix_auth = auth == SocketAuth::kSasl ? "sasl" : "none";
  return cat("listen_tls = 0\n", tcp, "unix_sock_group = \"root\"\n",
             "unix_sock_rw_perms = \"0770\"\nauth_unix_rw = \"", unix_auth, "\"\nauth_unix_ro = \"",
             unix_auth, "\"\n", "log_outputs = \"3:file:", dir, "/libvirtd.log\"\n",
             "host_uuid = \"00000000-0000-4000-8000-", std::string(11, '0'), index, "\"\n");
}

namespace {

/// The running qemu processes whose PIDs are in DIR/run/qemu/*.pid (driver.pid there is
/// libvirtd's own).
std::vector<pid_t> emulators_of(const std::string& dir) {
  std::vector<pid_t> pids;
  const std::string qemu_dir = dir + "/run/qemu";
  const std::unique_ptr<DIR, int (*)(DIR*)> listing(opendir(qemu_dir.c_str()), closedir);
  if (!listing) return pids;
  while (const dirent* entry = readdir(listing.get())) {
    const std::string name = entry->d_name;
    std::string text;
    std::string comm;
    if (!name.ends_with(".pid") || !read_file(qemu_dir + "/" + name, text)) continue;
    const pid_t pid = pid_t(std::atol(std::string(trim(text)).c_str()));
    if (pid > 1 && read_file(cat("/proc/", pid, "/comm"), comm) && comm.starts_with("qemu")) {
      pids.push_back(pid);
    }
  }
  return pids;
}

/// The domains' emulators outlive libvirtd: killed by PID.
void kill_emulators_of(const std::string& dir) {
  for (const pid_t pid : emulators_of(dir)) ::kill(pid, SIGKILL);
}

}  // namespace

LibvirtHost::LibvirtHost(const std::string& dir, int index)
    : dir_(dir), index_(index), uri_(cat("qemu+unix:///system?socket=", dir, "/run/libvirt-sock")) {
  make_dir(dir_);
  for (const char* sub : {"run", "lib", "etc", "log", "cache"}) make_dir(cat(dir_, "/", sub));
  write(dir_ + "/etc/qemu.conf", libvirt_qemu_conf());
  write(dir_ + "/etc/libvirtd.conf", libvirtd_conf(dir_, index));
  start_daemon();
}

LibvirtHost::~LibvirtHost() {
  kill_emulators();
  if (daemon_) daemon_->stop();
  kill_emulators();  // any a dying libvirtd was still starting
}

void LibvirtHost::start_daemon() {
  daemon_.emplace(std::vector<std::string>{"/usr/bin/unshare", "--mount", "--propagation",
                                           "private", HAKIT_LAB_SIM_DIR "/libvirt-host", dir_},
                  dir_ + "/libvirtd.stdout");
  record_.emplace(cat(kRecordPrefix, daemon_->pid()), dir_);
  // A libvirtd that refuses every client answers on its admin socket all the same.
  const std::vector<std::string> probe =
      authenticated_ ? std::vector<std::string>{"virt-admin", "-c",
                                                cat("libvirtd:///system?socket=", dir_,
                                                    "/run/libvirt-admin-sock"),
                                                "uri"}
                     : std::vector<std::string>{"virsh", "-c", uri_, "uri"};
  const bool ready = wait_until(
      [&] {
        if (!daemon_->running()) return false;
        return exec::run({.argv = probe}, exec::Deadline::in(exec::Millis(5000))).ok();
      },
      kStartTimeout);
  if (!ready) {
    const std::string why = log();
    daemon_.reset();
    throw std::runtime_error(cat("libvirtd in ", dir_, " did not start: ", why));
  }
}

void LibvirtHost::stop_daemon() {
  if (daemon_) daemon_->stop();
  daemon_.reset();
}

void LibvirtHost::freeze_daemon() {
  if (daemon_) ::kill(daemon_->pid(), SIGSTOP);
}

void LibvirtHost::thaw_daemon() {
  if (daemon_) ::kill(daemon_->pid(), SIGCONT);
}

void LibvirtHost::require_authentication() {
  stop_daemon();
  // Read by the libvirt-host script (SASL_CONF_PATH): this directory instead of /etc/sasl2.
  make_dir(dir_ + "/sasl2");
  write(dir_ + "/sasl2/libvirt.conf",
        cat("mech_list: scram-sha-256\nsasldb_path: ", dir_, "/sasl2/passwd.db\n"));
  write(dir_ + "/etc/libvirtd.conf", libvirtd_conf(dir_, index_, "", SocketAuth::kSasl));
  authenticated_ = true;
  start_daemon();
}

void LibvirtHost::kill_emulators() {
  thaw_daemon();
  kill_emulators_of(dir_);
}

std::string LibvirtHost::domstate(const std::string& name) const {
  const auto result = exec::run({.argv = {"virsh", "-c", uri_, "domstate", name}},
                                exec::Deadline::in(exec::Millis(30000)));
  return result.ok() ? std::string(trim(result.out)) : "";
}

std::string LibvirtHost::virsh(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {"virsh", "-c", uri_};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = exec::run({.argv = argv}, exec::Deadline::in(exec::Millis(60000)));
  if (!result.ok()) {
    throw std::runtime_error(cat(join(argv, " "), ": ", result.first_error_line()));
  }
  return result.out;
}

std::vector<pid_t> LibvirtHost::emulator_pids() const { return emulators_of(dir_); }

std::string LibvirtHost::log() const {
  std::string text;
  read_file(dir_ + "/libvirtd.stdout", text);
  std::string daemon_log;
  read_file(dir_ + "/libvirtd.log", daemon_log);
  return text + daemon_log.substr(daemon_log.size() > 4000 ? daemon_log.size() - 4000 : 0);
}

bool LibvirtHost::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

void LibvirtHost::adopt_record(const std::string& record_name) {
  Record record = Record::adopt(record_name);
  const pid_t pid = pid_t(std::atol(record_name.substr(kRecordPrefix.size()).c_str()));
  if (!record.value().empty()) kill_emulators_of(record.value());
  Daemon::adopt(pid, "libvirtd").stop();
}

std::string lab_domain_xml(const std::string& name) {
  return cat("<domain type='qemu'>\n  <name>", name, "</name>\n",
             "  <memory unit='MiB'>64</memory>\n  <vcpu>1</vcpu>\n",
             "  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>\n",
             "  <features><acpi/></features>\n",
             "  <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot>",
             "<on_crash>destroy</on_crash>\n",
             "  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n",
             "    <controller type='usb' model='none'/>\n    <memballoon model='none'/>\n",
             "    <serial type='pty'/>\n  </devices>\n</domain>\n");
}

}  // namespace hakit::lab
