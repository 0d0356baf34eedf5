// A real single-node corosync + Pacemaker cluster on 127.0.0.1 (LAB.md §1), with a
// seeded CIB so that it is up in about 5 s. One per machine.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon.h"
#include "lab_record.h"

namespace hakit::lab {

class Cluster {
 public:
  /// Starts corosync and pacemakerd with state (config, logs, pid files) in
  /// `state_dir`, and waits until node1 is online and DC. Throws on failure (after
  /// stopping what it started). The CIB directory must be empty or the lab's own.
  explicit Cluster(const std::string& state_dir);
  /// Takes over the cluster that the lab started with this `state_dir` earlier (its PIDs
  /// are recorded there): for `hakit-lab cluster stop` and cleanup.
  static Cluster adopt(const std::string& state_dir);
  /// Stops pacemakerd (which stops resources), then corosync, and wipes the CIB.
  ~Cluster();
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  /// Runs crm with these arguments (e.g. {"configure", "primitive", ...}); returns its output,
  /// throws on non-zero exit.
  std::string crm(const std::vector<std::string>& args) const;
  /// `crm_mon -1` output, with node attributes (-A) and stopped resources (-r).
  std::string status() const;
  /// Role of a resource from crm_resource --locate / crm_mon: "Started", "Stopped", ...
  bool resource_started(const std::string& id) const;
  /// Fail count of a resource on node1 (crm_failcount), 0 when none.
  int fail_count(const std::string& id) const;

  /// Leaves the cluster running and forgets it: it outlives this object (hakit-lab CLI).
  void release();

  static constexpr const char* kNodeName = "node1";

 private:
  Cluster(std::string state_dir, Daemon corosync, Daemon pacemakerd, Record record);
  void start();
  void shut_down() noexcept;
  std::string state_dir_;
  std::optional<Daemon> corosync_;
  std::optional<Daemon> pacemakerd_;
  std::optional<Record> record_;  ///< present while this object owns the cluster
};

/// Makes the build tree's agents visible as provider "hakit" under
/// /usr/lib/ocf/resource.d/hakit for the life of the object (a bind mount; the
/// directory is created and removed again if it did not exist).
class ProviderMount {
 public:
  explicit ProviderMount(const std::string& build_agent_dir);
  /// Takes over the mount a crashed test left behind (cleanup).
  static ProviderMount adopt();
  ~ProviderMount();
  ProviderMount(const ProviderMount&) = delete;
  ProviderMount& operator=(const ProviderMount&) = delete;

 private:
  explicit ProviderMount(Record record);
  std::string target_;
  bool created_ = false;
  std::optional<Record> record_;
};

}  // namespace hakit::lab
