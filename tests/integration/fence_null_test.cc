// fence_hakit_null and external/hakit-null through every front but Pacemaker (see
// fence_pacemaker_test.cc): stdin as the fencer writes it, command-line flags, and
// cluster-glue's stonith CLI with the plugin installed where it looks.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "fence_run.h"
#include "installed_file.h"

using namespace hakit;
using fence_test::FenceRun;

namespace {

const std::string kAgent = HAKIT_BUILD_FENCE_DIR "/fence_hakit_null";
const std::string kPlugin = HAKIT_BUILD_PLUGIN_DIR "/hakit-null";
const std::string kInstalledPlugin = "/usr/lib/stonith/plugins/external/hakit-null";

FenceRun null_stdin(const std::vector<std::string>& lines) {
  return fence_test::run_with_stdin(kAgent, lines);
}

}  // namespace

TEST_CASE("fence_hakit_null over stdin: every action, exit codes and output", "[fence][null]") {
  const std::vector<std::string> hosts = {"# written by the fencer", "hostlist=Node1 node2",
                                          "nodename=Node1", "pcmk_unknown=ignored"};
  const auto with = [&](const std::string& action) {
    std::vector<std::string> lines = hosts;
    lines.push_back("action=" + action);
    return null_stdin(lines);
  };
  {
    const FenceRun list = with("list");
    INFO(list.describe());
    CHECK(list.status == 0);
    CHECK(list.out == "Node1,\nnode2,\n");  // case kept
  }
  {
    const FenceRun list = with("list-status");
    INFO(list.describe());
    CHECK(list.out == "Node1,,ON\nnode2,,ON\n");
  }
  {
    const FenceRun status = with("status");
    INFO(status.describe());
    CHECK(status.status == 0);
    CHECK(status.out == "Status: ON\n");
  }
  for (const auto& [action, said] :
       {std::pair{"off", "Success: Powered OFF\n"}, std::pair{"on", "Success: Powered ON\n"},
        std::pair{"reboot", "Success: Rebooted\n"}}) {
    const FenceRun run = with(action);
    INFO(run.describe());
    CHECK(run.status == 0);
    CHECK(run.out == said);
    CHECK(run.err.find("Node1") != std::string::npos);
  }
  for (const char* action : {"monitor", "validate-all"}) {
    const FenceRun run = with(action);
    INFO(run.describe());
    CHECK(run.status == 0);
    CHECK(run.out.empty());
  }
  {
    const FenceRun metadata = with("metadata");
    CHECK(metadata.status == 0);
    CHECK(metadata.out.find("<resource-agent name=\"fence_hakit_null\"") != std::string::npos);
  }
  {
    const FenceRun unknown = with("diag");
    INFO(unknown.describe());
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("not supported") != std::string::npos);
  }
}

TEST_CASE("fence_hakit_null over stdin: port is plug, the last value wins, no target fails",
          "[fence][null]") {
  const FenceRun run = null_stdin({"action=off", "port=first", "port=Second"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.err.find("null-off: Second") != std::string::npos);

  const FenceRun untargeted = null_stdin({"action=off"});
  INFO(untargeted.describe());
  CHECK(untargeted.status == 2);
  CHECK_FALSE(untargeted.claims_success());
  CHECK(untargeted.err.find("no target") != std::string::npos);
}

TEST_CASE("fence_hakit_null over stdin: verbose logs what it ignored, by name only",
          "[fence][null]") {
  const FenceRun run =
      null_stdin({"action=reboot", "nodename=n1", "verbose=1", "password=Null-lab-secret"});
  INFO(run.describe());
  CHECK(run.status == 0);
  CHECK(run.err.find("ignoring unknown option 'password'") != std::string::npos);
  CHECK(run.err.find("Null-lab-secret") == std::string::npos);
}

TEST_CASE("fence_hakit_null over command-line flags", "[fence][null]") {
  {
    const FenceRun list = fence_test::run_with_flags(kAgent, {"-o", "list", "--hostlist", "A b"});
    INFO(list.describe());
    CHECK(list.status == 0);
    CHECK(list.out == "A,\nb,\n");
  }
  {
    const FenceRun reboot = fence_test::run_with_flags(kAgent, {"--action=reboot", "-n", "Node7"});
    INFO(reboot.describe());
    CHECK(reboot.status == 0);
    CHECK(reboot.out == "Success: Rebooted\n");
    CHECK(reboot.err.find("null-reset: Node7") != std::string::npos);
  }
  {
    const FenceRun status =
        fence_test::run_with_flags(kAgent, {"-o", "status", "--nodename", "n1"});
    CHECK(status.status == 0);
  }
  {
    const FenceRun off = fence_test::run_with_flags(kAgent, {"-o", "off", "-n", "x", "-o", "on"});
    INFO(off.describe());
    CHECK(off.out == "Success: Powered ON\n");  // the last -o wins
  }
  {
    const FenceRun bad = fence_test::run_with_flags(kAgent, {"--no-such-flag"});
    INFO(bad.describe());
    CHECK(bad.status == 2);
  }
  {
    const FenceRun help = fence_test::run_with_flags(kAgent, {"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("--plug") != std::string::npos);
  }
}

TEST_CASE("external/hakit-null answers the plugin protocol by itself", "[fence][null]") {
  const auto op = [](std::vector<std::string> argv, std::map<std::string, std::string> env = {}) {
    argv.insert(argv.begin(), kPlugin);
    return fence_test::timed_run({.argv = argv, .env = env}, std::chrono::seconds(30));
  };
  CHECK(op({"getconfignames"}).out == "hostlist\n");
  CHECK(op({"getinfo-devname"}).out == "external/hakit-null\n");
  const FenceRun xml = op({"getinfo-xml"});
  CHECK(xml.out.starts_with("<parameters>"));
  CHECK(xml.out.find("<parameter name=\"hostlist\" unique=\"0\" required=\"1\">") !=
        std::string::npos);
  CHECK(op({"gethosts"}, {{"hostlist", "Node1 node2"}}).out == "Node1\nnode2\n");
  CHECK(op({"gethosts"}).status != 0);  // an empty host list is an error
  CHECK(op({"reset", "Node1"}, {{"hostlist", "Node1"}}).status == 0);
  CHECK(op({"status"}, {{"hostlist", "Node1"}}).status == 0);
  CHECK(op({"bogus"}, {{"hostlist", "Node1"}}).status != 0);
}

TEST_CASE("external/hakit-null through cluster-glue's stonith CLI", "[fence][null][stonith]") {
  if (::geteuid() != 0) {
    WARN("skipped: installing a plugin under /usr/lib/stonith needs root");
    return;
  }
  const lab::InstalledFile plugin(kPlugin, kInstalledPlugin);
  struct stat info {};
  REQUIRE(::stat(kInstalledPlugin.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0755);  // the loader refuses group/other-writable plugins

  CHECK(fence_test::run_stonith_cli({"-L"}).out.find("external/hakit-null") != std::string::npos);
  CHECK(fence_test::run_stonith_cli({"-t", "external/hakit-null", "-n"}).out.find("hostlist") !=
        std::string::npos);
  const std::vector<std::string> device = {"-t", "external/hakit-null", "hostlist=Node1 node2"};
  const auto stonith = [&](std::vector<std::string> args) {
    args.insert(args.begin(), device.begin(), device.end());
    const FenceRun run = fence_test::run_stonith_cli(args);
    INFO(run.describe());
    return run;
  };
  {
    const FenceRun list = stonith({"-l"});
    CHECK(list.status == 0);
    CHECK(list.out.find("Node1") != std::string::npos);
    CHECK(list.out.find("node2") != std::string::npos);
  }
  CHECK(stonith({"-S"}).status == 0);
  for (const char* request : {"reset", "off", "on"}) {
    CHECK(stonith({"-T", request, "Node1"}).status == 0);
  }
  {
    // The -p positional form maps values onto getconfignames' order.
    const FenceRun positional =
        fence_test::run_stonith_cli({"-t", "external/hakit-null", "-p", "nodeP", "-l"});
    INFO(positional.describe());
    CHECK(positional.out.find("nodeP") != std::string::npos);
  }
  {
    const FenceRun meta = fence_test::run_stonith_cli({"-t", "external/hakit-null", "-m"});
    INFO(meta.describe());
    CHECK(meta.out.find("<parameter name=\"hostlist\"") != std::string::npos);
  }
  CHECK(fence_test::run_stonith_cli({"-t", "external/hakit-null", "-l"}).status != 0);
}
