// The iSCSI agents against the lab's tgtd (LAB.md §6), checked from outside with
// libiscsi's initiator tools. One tgtd per test, on its own control and portal ports.
#pragma once

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "exec/command.h"
#include "hakit/agent_runner.h"
#include "temp_dir.h"
#include "tgtd.h"
#include "util/strings.h"

namespace hakit::iscsi_test {

using Params = std::map<std::string, std::string>;

inline const std::string kTargetIqn = "iqn.2024-01.lab.example:hakit1";

/// A file of `megabytes` MiB to export.
inline std::string backing_file(const lab::TempDir& dir, const std::string& name, int megabytes) {
  const std::string path = dir / name;
  REQUIRE(exec::run({.argv = {"truncate", "-s", cat(megabytes, "M"), path}},
                    exec::Deadline::in(std::chrono::seconds(10)))
              .ok());
  return path;
}

/// One resource of the built iSCSITarget or iSCSILogicalUnit agent, with its state in
/// the test's directory, run as Pacemaker's executor would.
struct IscsiResource {
  std::string agent;     ///< "iSCSITarget" or "iSCSILogicalUnit"
  std::string instance;  ///< the resource name
  Params params;
  std::string rsctmp;

  cli::AgentRun run(const std::string& action, Params extra_env = {},
                    exec::Millis timeout = exec::Millis(20000)) const {
    const cli::AgentTarget target{.path = std::string(HAKIT_BUILD_AGENT_DIR) + "/" + agent,
                                  .instance = instance,
                                  .params = params};
    extra_env.emplace("HA_RSCTMP", rsctmp);
    extra_env.emplace("HA_LOGFACILITY", "none");
    const cli::AgentRun run =
        cli::run_agent(target, {.action = action, .timeout = timeout, .extra_env = extra_env});
    INFO(instance << " " << action << ": " << run.result.err);
    CHECK(run.result.out.empty());
    return run;
  }
  int code(const std::string& action) const { return run(action).result.exit_status; }
};

/// The target, and LUNs 1 and 2 backed by files of 64 and 32 MiB, on `tgtd`.
struct TargetWithTwoLuns {
  explicit TargetWithTwoLuns(const lab::TempDir& dir, const lab::Tgtd& tgtd)
      : lun1_path(backing_file(dir, "lun1.img", 64)), lun2_path(backing_file(dir, "lun2.img", 32)) {
    const std::string port = std::to_string(tgtd.control_port());
    const std::string rsctmp = dir.path();
    target = {
        "iSCSITarget",
        "iscsi_target",
        {{"implementation", "tgt"}, {"iqn", kTargetIqn}, {"tid", "1"}, {"tgt_control_port", port}},
        rsctmp};
    lun1 = {"iSCSILogicalUnit",
            "iscsi_lun1",
            {{"implementation", "tgt"},
             {"target_iqn", kTargetIqn},
             {"lun", "1"},
             {"path", lun1_path},
             {"tgt_control_port", port}},
            rsctmp};
    lun2 = lun1;
    lun2.instance = "iscsi_lun2";
    lun2.params["lun"] = "2";
    lun2.params["path"] = lun2_path;
  }
  std::string lun1_path, lun2_path;
  IscsiResource target, lun1, lun2;
};

/// Runs one of libiscsi's tools, an initiator independent of the target's host: here, or
/// in network namespace `netns` (the box's, outside every node).
inline exec::Result initiator(std::vector<std::string> argv, const std::string& netns = {},
                              const Params& env = {}) {
  if (!netns.empty()) argv.insert(argv.begin(), {"ip", "netns", "exec", netns});
  return exec::run({.argv = argv, .env = env}, exec::Deadline::in(std::chrono::seconds(30)));
}

/// What an initiator sees at `url` ("iscsi://HOST:PORT/"): `iscsi-ls -s` (targets and
/// their LUNs with sizes).
inline std::string iscsi_ls(const std::string& url, const std::string& netns = {},
                            const Params& env = {}) {
  const exec::Result listed = initiator({"iscsi-ls", "-s", url}, netns, env);
  return listed.out + listed.err;
}
inline std::string iscsi_ls(const lab::Tgtd& tgtd, const Params& env = {}) {
  return iscsi_ls(tgtd.url(), {}, env);
}

/// The size in bytes of the LUN at `url` ("iscsi://HOST:PORT/IQN/LUN") as READ
/// CAPACITY(16) reports it, or -1.
inline long long lun_size(const std::string& url, const std::string& netns = {}) {
  const exec::Result read = initiator({"iscsi-readcapacity16", url}, netns);
  const size_t at = read.out.find("Total size:");
  if (!read.ok() || at == std::string::npos) return -1;
  return std::stoll(read.out.substr(at + 11));
}
inline long long lun_size(const lab::Tgtd& tgtd, const std::string& iqn, int lun) {
  return lun_size(cat(tgtd.url(), iqn, "/", lun));
}

/// The unit serial number (VPD page 0x80) of the LUN at `url`, as an initiator reads it;
/// empty when it cannot.
inline std::string unit_serial(const std::string& url, const std::string& netns = {}) {
  const exec::Result inquiry = initiator({"iscsi-inq", "-e", "1", "-c", "128", url}, netns);
  const std::string label = "Unit Serial Number:[";
  const size_t open = inquiry.out.find(label);
  const size_t close = inquiry.out.find(']', open);
  if (!inquiry.ok() || open == std::string::npos || close == std::string::npos) return {};
  const size_t start = open + label.size();
  return std::string(trim(inquiry.out.substr(start, close - start)));
}

}  // namespace hakit::iscsi_test
