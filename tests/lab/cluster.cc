#include "cluster.h"

#include <climits>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "cluster_config.h"
#include "exec/command.h"
#include "run_checked.h"
#include "util/strings.h"

namespace hakit::lab {

namespace fs = std::filesystem;

namespace {

const fs::path kCibDir = "/var/lib/pacemaker/cib";
constexpr auto kCorosyncStartup = std::chrono::seconds(15);
constexpr auto kPacemakerStartup = std::chrono::seconds(90);
// pacemakerd stops every resource before it exits.
constexpr auto kPacemakerShutdown = std::chrono::seconds(120);
constexpr auto kCorosyncShutdown = std::chrono::seconds(30);

void write_file(const fs::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::trunc);
  out << contents;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

pid_t read_pid(const fs::path& path) {
  pid_t pid = -1;
  std::ifstream(path) >> pid;
  return pid;
}

std::string log_tail(const fs::path& path) {
  std::string text;
  read_file(path, text);
  constexpr size_t kTail = 2000;
  return text.size() > kTail ? "..." + text.substr(text.size() - kTail) : text;
}

// Succeeds quietly or not at all: for polling a daemon that is still starting.
bool succeeds(const std::vector<std::string>& argv, const std::vector<std::string>& expected = {}) {
  const auto result = exec::run({.argv = argv}, exec::Deadline::in(std::chrono::seconds(10)));
  if (!result.ok()) return false;
  for (const auto& text : expected)
    if (result.out.find(text) == std::string::npos) return false;
  return true;
}

}  // namespace

Cluster::Cluster(const std::string& state_dir) : state_dir_(state_dir) {
  if (!fs::is_empty(kCibDir))
    throw std::runtime_error(
        cat(kCibDir.string(),
            " is not empty: a cluster is running or one left its CIB behind. "
            "Stop it (hakit-lab cluster stop --state DIR, or hakit-lab cleanup "
            "after a crashed test), or wipe the directory."));
  record_.emplace("cluster", state_dir_);
  try {
    start();
  } catch (...) {
    shut_down();  // the destructor does not run when the constructor throws
    throw;
  }
}

void Cluster::start() {
  for (const char* dir : {"/var/log/corosync", "/var/log/pacemaker", "/var/lib/corosync"})
    fs::create_directories(dir);
  const fs::path state(state_dir_);
  fs::create_directories(state);
  write_file(state / "corosync.conf", corosync_config());
  write_file(state / "cib-seed.xml", seed_cib());
  run_checked({"install", "-o", "hacluster", "-g", "haclient", "-m", "600",
               (state / "cib-seed.xml").string(), (kCibDir / "cib.xml").string()});

  corosync_.emplace(std::vector<std::string>{"/usr/sbin/corosync", "-f", "-c",
                                             (state / "corosync.conf").string()},
                    (state / "corosync.log").string());
  write_file(state / "corosync.pid", std::to_string(corosync_->pid()));
  const bool corosync_up = wait_until(
      [&] {
        return !corosync_->running() || succeeds({"corosync-quorumtool", "-s"});
      },
      kCorosyncStartup);
  if (!corosync_up || !corosync_->running())
    throw std::runtime_error("corosync did not come up:\n" + log_tail(state / "corosync.log"));

  pacemakerd_.emplace(std::vector<std::string>{"/usr/sbin/pacemakerd", "-f"},
                      (state / "pacemakerd.log").string());
  write_file(state / "pacemakerd.pid", std::to_string(pacemakerd_->pid()));
  const std::string dc = cat("Current DC: ", kNodeName),
                    online = cat("Online: [ ", kNodeName, " ]");
  const bool pacemaker_up = wait_until(
      [&] {
        return !pacemakerd_->running() || succeeds({"crm_mon", "-1"}, {dc, online});
      },
      kPacemakerStartup);
  if (!pacemaker_up || !pacemakerd_->running())
    throw std::runtime_error(
        "Pacemaker did not elect node1 DC (see /var/log/pacemaker/pacemaker.log):\n" +
        log_tail(state / "pacemakerd.log"));
}

Cluster::Cluster(std::string state_dir, Daemon corosync, Daemon pacemakerd, Record record)
    : state_dir_(std::move(state_dir)),
      corosync_(std::move(corosync)),
      pacemakerd_(std::move(pacemakerd)),
      record_(std::move(record)) {}

Cluster Cluster::adopt(const std::string& state_dir) {
  const fs::path state(state_dir);
  return Cluster(state_dir, Daemon::adopt(read_pid(state / "corosync.pid"), "corosync"),
                 Daemon::adopt(read_pid(state / "pacemakerd.pid"), "pacemakerd"),
                 Record::adopt("cluster"));
}

Cluster::~Cluster() {
  if (record_) shut_down();
}

void Cluster::shut_down() noexcept {
  try {
    if (pacemakerd_) pacemakerd_->stop(kPacemakerShutdown);
    if (corosync_) corosync_->stop(kCorosyncShutdown);
    for (const auto& entry : fs::directory_iterator(kCibDir)) fs::remove_all(entry.path());
    for (const char* pid_file : {"corosync.pid", "pacemakerd.pid"})
      fs::remove(fs::path(state_dir_) / pid_file);
  } catch (const std::exception& error) {
    std::cerr << "hakit-lab: stopping the cluster: " << error.what() << "\n";
  }
  pacemakerd_.reset();
  corosync_.reset();
  record_.reset();
}

void Cluster::release() {
  pacemakerd_->release();
  corosync_->release();
  record_->release();
  record_.reset();
}

std::string Cluster::crm(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {"crm"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_checked(argv, std::chrono::seconds(120));
}

std::string Cluster::status() const { return run_checked({"crm_mon", "-1", "-A", "-r"}); }

bool Cluster::resource_started(const std::string& id) const {
  const std::string xml = run_checked({"crm_mon", "-1", "--output-as=xml"});
  const auto start = xml.find("<resource id=\"" + id + "\"");
  if (start == std::string::npos) return false;
  const std::string element = xml.substr(start, xml.find('>', start) - start);
  return element.find("role=\"Started\"") != std::string::npos &&
         element.find("failed=\"false\"") != std::string::npos;
}

int Cluster::fail_count(const std::string& id) const {
  // "scope=status  name=fail-count-fs value=1"
  const std::string out = run_checked({"crm_failcount", "--query", "-r", id, "-N", kNodeName});
  const auto value = out.find("value=");
  if (value == std::string::npos) return 0;
  const std::string count(trim(out.substr(value + 6)));
  return count == "INFINITY" ? INT_MAX : std::stoi(count);
}

}  // namespace hakit::lab
