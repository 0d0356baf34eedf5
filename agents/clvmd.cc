// ocf:hakit:clvmd — see metadata/clvmd.xml and lib/storage/lvm_daemon_agents.h.
#include "metadata/clvmd.h"
#include "ocf/agent.h"
#include "storage/lvm_daemon_agents.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::ClvmdAgent>(hakit::metadata::clvmd, argc, argv);
}
