// ocf:hakit:pingd, also installed as ocf:hakit:ping — see metadata/pingd.xml and
// lib/net/pingd_agent.h.
#include "metadata/pingd.h"
#include "net/pingd_agent.h"
#include "ocf/agent.h"
#include "ocf/agent_alias.h"

int main(int argc, char** argv) {
  // Under the name `ping` for configurations written for ocf:pacemaker:ping.
  const hakit::ocf::AliasedMetadata metadata(hakit::metadata::pingd, argc > 0 ? argv[0] : "",
                                             {"ping"});
  return hakit::ocf::run_agent<hakit::net::PingdAgent>(metadata.get(), argc, argv);
}
