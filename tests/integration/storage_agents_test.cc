// The storage agents' decisions that need no kernel storage, against real peers on the
// host: controld's fencing gate reads the real CIB of the lab's Pacemaker; clvmd meets the
// real Debian 12 (LVM 2.03, no clvmd); LVM-activate's configuration errors. What needs
// device-mapper, the DLM, OCFS2 or GFS2 runs in the guest tier (tests/guest/cases/).
#include <catch2/catch.hpp>
#include <chrono>

#include "cluster.h"
#include "exec/command.h"
#include "temp_dir.h"

using namespace hakit;
using namespace std::chrono_literals;

namespace {

struct Outcome {
  int code = -1;
  std::string err;
};

Outcome run_agent(const std::string& agent, const std::string& action,
                  const std::map<std::string, std::string>& params) {
  exec::Command command{.argv = {std::string(HAKIT_BUILD_AGENT_DIR) + "/" + agent, action}};
  command.env = {{"OCF_ROOT", "/usr/lib/ocf"},
                 {"OCF_RESOURCE_INSTANCE", "storage1"},
                 {"HA_LOGFACILITY", "none"},
                 {"OCF_RESKEY_CRM_meta_timeout", "20000"}};
  for (const auto& [name, value] : params) command.env["OCF_RESKEY_" + name] = value;
  const exec::Result result = exec::run(command, exec::Deadline::in(60s));
  INFO(agent << " " << action << ": " << result.err);
  CHECK(result.out.empty());
  return {result.exit_status, result.err};
}

}  // namespace

TEST_CASE("controld refuses to start while the CIB says stonith-enabled=false",
          "[storage][controld]") {
  lab::TempDir dir("controld");
  lab::Cluster cluster(dir / "cluster");  // the lab's seed CIB disables fencing
  const Outcome refused = run_agent("controld", "start", {});
  CHECK(refused.code == 6);
  CHECK_THAT(refused.err, Catch::Contains("stonith-enabled may not be deactivated"));

  // Allowed (or with fencing on), the gate opens; this host then lacks configfs/the dlm
  // module, which is the next, different refusal.
  const Outcome allowed = run_agent("controld", "start", {{"allow_stonith_disabled", "true"}});
  CHECK(allowed.code == 5);
  CHECK_THAT(allowed.err, Catch::Contains("config"));
  cluster.crm({"configure", "property", "stonith-enabled=true"});
  const Outcome fenced = run_agent("controld", "start", {});
  CHECK(fenced.code == 5);
  CHECK_THAT(fenced.err, !Catch::Contains("stonith-enabled"));
  CHECK(run_agent("controld", "monitor", {}).code == 7);
  CHECK(run_agent("controld", "stop", {}).code == 0);
}

TEST_CASE("clvmd on LVM 2.03 says to use lvmlockd", "[storage][clvmd]") {
  REQUIRE_FALSE(exec::find_program("clvmd"));
  const Outcome start = run_agent("clvmd", "start", {});
  CHECK(start.code == 5);
  CHECK_THAT(start.err, Catch::Contains("lvmlockd"));
  CHECK(run_agent("clvmd", "validate-all", {}).code == 5);
  CHECK(run_agent("clvmd", "monitor", {}).code == 7);
  CHECK(run_agent("clvmd", "stop", {}).code == 0);
}

TEST_CASE("LVM-activate: a bad mode is a configuration error, never a failed stop",
          "[storage][lvm]") {
  const std::map<std::string, std::string> bad{{"vgname", "hakit_no_such_vg"},
                                               {"vg_access_mode", "bogus"}};
  CHECK(run_agent("LVM-activate", "validate-all", bad).code == 6);
  const Outcome start = run_agent("LVM-activate", "start", bad);
  CHECK(start.code == 6);
  CHECK_THAT(start.err, Catch::Contains("lvmlockd, clvmd, system_id or tagging"));
  CHECK(run_agent("LVM-activate", "stop", bad).code == 0);
  CHECK(run_agent("LVM-activate", "monitor", bad).code == 7);
  CHECK(run_agent("LVM-activate", "start",
                  {{"vgname", "v"}, {"vg_access_mode", "tagging"}, {"activation_mode", "shared"}})
            .code == 6);
  CHECK(run_agent("LVM-activate", "start", {{"vgname", "v"}}).code == 6);  // mode required
}
