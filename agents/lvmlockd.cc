// ocf:hakit:lvmlockd — see metadata/lvmlockd.xml and lib/storage/lvm_daemon_agents.h.
#include "metadata/lvmlockd.h"
#include "ocf/agent.h"
#include "storage/lvm_daemon_agents.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::LvmlockdAgent>(hakit::metadata::lvmlockd, argc,
                                                              argv);
}
