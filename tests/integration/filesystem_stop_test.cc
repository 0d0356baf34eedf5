// Stopping a busy Filesystem: only the processes holding this mount are signalled, TERM
// escalates to KILL, and force_unmount=false signals nobody and fails in time.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "daemon.h"
#include "filesystem_agent_run.h"
#include "loop_device.h"
#include "temp_dir.h"
#include "util/strings.h"

using namespace hakit;
using namespace std::chrono_literals;
using filesystem_test::FilesystemResource;

namespace {

constexpr int kOk = 0, kErrGeneric = 1;

bool dies_within(const lab::Daemon& process, std::chrono::milliseconds timeout) {
  return lab::wait_until([&] { return !process.running(); }, timeout);
}

}  // namespace

TEST_CASE("Filesystem stop: only the holders of the mount die", "[filesystem][stop]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-holders");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const FilesystemResource fs(
      {{"device", disk.device()}, {"directory", mount_point}, {"fstype", "ext4"}});
  REQUIRE(fs.run("start").code == kOk);
  std::filesystem::create_directory(mount_point + "/sub");
  std::ofstream(mount_point + "/held") << "data\n";

  const auto spawn = [&](const std::string& script, const std::string& name) {
    return lab::Daemon({"/bin/sh", "-c", script}, dir / (name + ".log"));
  };
  const lab::Daemon open_file = spawn("exec tail -f " + mount_point + "/held", "open-file");
  const lab::Daemon cwd_on_mount = spawn("cd " + mount_point + "/sub && exec sleep 300", "cwd");
  const lab::Daemon cwd_in_parent = spawn("cd " + dir.path() + " && exec sleep 300", "parent");
  // Give tail time to open its file.
  REQUIRE(lab::wait_until(
      [&] { return std::filesystem::exists(cat("/proc/", open_file.pid(), "/fd/3")); }, 5s));

  const auto stop = fs.run("stop");
  CHECK(stop.code == kOk);
  CHECK_FALSE(lab::is_mounted(mount_point));
  CHECK(dies_within(open_file, 5s));
  CHECK(dies_within(cwd_on_mount, 5s));
  CHECK(cwd_in_parent.running());
  CHECK(stop.err.find(cat("sending signal TERM to ", open_file.pid())) != std::string::npos);
  CHECK(stop.err.find(cat("to ", cwd_in_parent.pid())) == std::string::npos);
}

TEST_CASE("Filesystem stop: a holder that ignores TERM gets KILL in the second half",
          "[filesystem][stop]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-kill");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const FilesystemResource fs({{"device", disk.device()},
                               {"directory", mount_point},
                               {"fstype", "ext4"},
                               {"signal_delay", "500ms"}});
  REQUIRE(fs.run("start").code == kOk);
  const lab::Daemon stubborn(
      {"/bin/sh", "-c", "trap '' TERM; cd " + mount_point + " && exec sleep 300"},
      dir / "stubborn.log");
  REQUIRE(lab::wait_until(
      [&] {
        return std::filesystem::read_symlink(cat("/proc/", stubborn.pid(), "/cwd")) == mount_point;
      },
      5s));

  const auto started = std::chrono::steady_clock::now();
  const auto stop = fs.run("stop", {{"OCF_RESKEY_CRM_meta_timeout", "8000"}});
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(stop.code == kOk);
  CHECK_FALSE(lab::is_mounted(mount_point));
  CHECK(dies_within(stubborn, 5s));
  CHECK(stop.err.find("sending signal TERM") != std::string::npos);
  CHECK(stop.err.find("sending signal KILL") != std::string::npos);
  // TERM for half of the (8 s minus margin) budget, then KILL.
  CHECK(took >= 3s);
  CHECK(took < 8s);
}

TEST_CASE("Filesystem stop: force_unmount=false signals nobody and fails within fast_stop",
          "[filesystem][stop]") {
  if (geteuid() != 0) {
    WARN("skipped: mounting needs root");
    return;
  }
  const lab::TempDir dir("fs-nokill");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const FilesystemResource fs({{"device", disk.device()},
                               {"directory", mount_point},
                               {"fstype", "ext4"},
                               {"force_unmount", "false"},
                               {"fast_stop", "yes"}});
  REQUIRE(fs.run("start").code == kOk);
  lab::Daemon holder({"/bin/sh", "-c", "cd " + mount_point + " && exec sleep 300"},
                     dir / "holder.log");
  REQUIRE(lab::wait_until(
      [&] {
        return std::filesystem::read_symlink(cat("/proc/", holder.pid(), "/cwd")) == mount_point;
      },
      5s));

  const auto started = std::chrono::steady_clock::now();
  const auto stop = fs.run("stop", {{"OCF_RESKEY_CRM_meta_timeout", "60000"}});
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(stop.code == kErrGeneric);
  CHECK(stop.exit_reason().starts_with("couldn't unmount " + mount_point));
  CHECK(stop.exit_reason().find(cat("still held by process ", holder.pid())) != std::string::npos);
  CHECK(stop.err.find("sending signal") == std::string::npos);
  CHECK(holder.running());
  CHECK(lab::is_mounted(mount_point));
  CHECK(took >= 5s);  // fast_stop: 6 s, not the 60 s timeout
  CHECK(took < 15s);

  holder.stop();
  CHECK(fs.run("stop").code == kOk);
  CHECK_FALSE(lab::is_mounted(mount_point));
}

TEST_CASE("Filesystem: monitor and stop never touch the mounted filesystem itself",
          "[filesystem][stop]") {
  // What keeps a dead NFS server from hanging the agent: the agent's own system calls
  // never name a path on the mount (readlink of /proc links returns one, harmlessly),
  // and a depth-0 monitor starts no process at all.
  if (geteuid() != 0 || !exec::find_program("strace")) {
    WARN("skipped: needs root and strace");
    return;
  }
  const lab::TempDir dir("fs-untouched");
  const lab::LoopDevice disk(dir / "disk.img", 64, "ext4");
  const std::string mount_point = dir / "mnt";
  const FilesystemResource fs(
      {{"device", disk.device()}, {"directory", mount_point}, {"fstype", "ext4"}});
  REQUIRE(fs.run("start").code == kOk);
  const lab::Daemon holder({"/bin/sh", "-c", "cd " + mount_point + " && exec sleep 300"},
                           dir / "holder.log");
  REQUIRE(lab::wait_until(
      [&] {
        return std::filesystem::read_symlink(cat("/proc/", holder.pid(), "/cwd")) == mount_point;
      },
      5s));

  const auto traced_lines = [&](const std::string& log) {
    std::ifstream file(log);
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);) lines.push_back(line);
    return lines;
  };
  const std::string processes = dir / "monitor-processes.trace";
  REQUIRE(fs.run("monitor", {}, {"strace", "-f", "-qq", "-e", "trace=%process", "-o", processes})
              .code == kOk);
  // strace -f lines read "PID name(args) = result": judge the call's name, not the whole
  // line, whose paths may contain anything ("/tmp/ci-clone/...").
  const auto syscall_of = [](const std::string& line) {
    const size_t start = line.find_first_not_of(' ', line.find(' '));
    return line.substr(start, line.find('(', start) - start);
  };
  for (const std::string& line : traced_lines(processes)) {
    INFO(line);
    const std::string call = syscall_of(line);
    CHECK((call != "execve" || line.find("/Filesystem\"") != std::string::npos));
    CHECK(call != "clone");
    CHECK(call != "clone3");
    CHECK(call != "fork");
    CHECK(call != "vfork");
  }

  for (const std::string action : {"monitor", "stop"}) {
    const std::string trace = dir / (action + "-files.trace");
    REQUIRE(fs.run(action, {}, {"strace", "-qq", "-e", "trace=%file,%stat", "-o", trace}).code ==
            kOk);
    const auto lines = traced_lines(trace);
    // The trace did record the agent's calls: both read the mount table.
    CHECK(std::ranges::any_of(lines, [](const std::string& line) {
      return line.find("\"/proc/self/mountinfo\"") != std::string::npos;
    }));
    for (const std::string& line : lines) {
      INFO(action << ": " << line);
      const bool names_mount = line.find("\"" + mount_point + "/") != std::string::npos ||
                               line.find("\"" + mount_point + "\"") != std::string::npos;
      const bool harmless = line.starts_with("readlink") || line.starts_with("execve");
      CHECK((!names_mount || harmless));
    }
  }
  CHECK_FALSE(lab::is_mounted(mount_point));
  CHECK(dies_within(holder, 5s));
}
