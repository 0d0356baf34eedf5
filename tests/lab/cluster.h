// A real single-node corosync + Pacemaker cluster on 127.0.0.1 (LAB.md §1), with a
// seeded CIB so that it is up in about 5 s. One per machine.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon.h"

namespace hakit::lab {

class Cluster {
 public:
  /// Starts corosync and pacemakerd with state (config, logs, pid files) in
  /// `state_dir`, and waits until node1 is online and DC. Throws on failure (after
  /// stopping what it started). The CIB directory must be empty or the lab's own.
  explicit Cluster(const std::string& state_dir);
  /// Stops pacemakerd (which stops resources), then corosync, and wipes the CIB.
  ~Cluster();
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  /// Runs crm with these arguments (e.g. {"configure", "primitive", ...}); returns its output,
  /// throws on non-zero exit.
  std::string crm(const std::vector<std::string>& args) const;
  /// `crm_mon -1` output (with node attributes, -A).
  std::string status() const;
  /// Role of a resource from crm_resource --locate / crm_mon: "Started", "Stopped", ...
  bool resource_started(const std::string& id) const;
  /// Fail count of a resource on node1 (crm_failcount), 0 when none.
  int fail_count(const std::string& id) const;

  static constexpr const char* kNodeName = "node1";

 private:
  std::string state_dir_;
  std::optional<Daemon> corosync_;
  std::optional<Daemon> pacemakerd_;
};

/// Makes the build tree's agents visible as provider "hakit" under
/// /usr/lib/ocf/resource.d/hakit for the life of the object (a bind mount; the
/// directory is created and removed again if it did not exist).
class ProviderMount {
 public:
  explicit ProviderMount(const std::string& build_agent_dir);
  ~ProviderMount();
  ProviderMount(const ProviderMount&) = delete;
  ProviderMount& operator=(const ProviderMount&) = delete;

 private:
  std::string target_;
  bool created_ = false;
};

}  // namespace hakit::lab
