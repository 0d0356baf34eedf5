#include "ocf/agent_alias.h"

#include <catch2/catch.hpp>

using hakit::ocf::AgentMetadata;
using hakit::ocf::AliasedMetadata;

namespace {

const AgentMetadata kPingd{"pingd",
                           "<?xml version=\"1.0\"?>\n<resource-agent name=\"pingd\" "
                           "version=\"1.0\">\n<content default=\"pingd\"/>\n</resource-agent>\n",
                           {},
                           {}};

}  // namespace

TEST_CASE("an agent run under an alias answers with meta-data of that name", "[alias]") {
  const AliasedMetadata ping(kPingd, "/usr/lib/ocf/resource.d/hakit/ping", {"ping"});
  CHECK(ping.get().name == "ping");
  CHECK(ping.get().xml ==
        "<?xml version=\"1.0\"?>\n<resource-agent name=\"ping\" "
        "version=\"1.0\">\n<content default=\"pingd\"/>\n</resource-agent>\n");
}

TEST_CASE("an agent run under its own or an unknown name keeps its meta-data", "[alias]") {
  for (const char* argv0 : {"pingd", "./build/pingd", "/tmp/copy-of-ping"}) {
    const AliasedMetadata metadata(kPingd, argv0, {"ping"});
    CHECK(metadata.get().name == "pingd");
    CHECK(metadata.get().xml.data() == kPingd.xml.data());
  }
}
