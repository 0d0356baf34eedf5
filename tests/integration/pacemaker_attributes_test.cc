// The node-attribute wrapper (lib/ocf/node_attribute) against a real attrd.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cluster.h"
#include "daemon.h"
#include "ocf/node_attribute.h"
#include "temp_dir.h"

using hakit::exec::Deadline;
using hakit::exec::Millis;
using namespace std::chrono_literals;

TEST_CASE("node attributes round-trip through Pacemaker's attrd", "[pacemaker]") {
  if (::geteuid() != 0) {
    WARN("needs root to run corosync and Pacemaker");
    return;
  }
  hakit::lab::TempDir state("attributes");
  hakit::lab::Cluster cluster(state.path());
  const Deadline deadline = Deadline::in(Millis(30000));

  CHECK(hakit::ocf::local_node_name(deadline) == hakit::lab::Cluster::kNodeName);

  hakit::ocf::update_node_attribute({.name = "hakit_probe", .value = "42"}, deadline);
  CHECK(hakit::lab::wait_until(
      [&] { return hakit::ocf::query_node_attribute("hakit_probe", deadline) == "42"; }, 10s));
  CHECK(cluster.status().find("hakit_probe") != std::string::npos);

  hakit::ocf::delete_node_attribute("hakit_probe", deadline);
  CHECK(hakit::lab::wait_until(
      [&] { return !hakit::ocf::query_node_attribute("hakit_probe", deadline).has_value(); }, 10s));
}
