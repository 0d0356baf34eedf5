// ocf:hakit:drbd — see metadata/drbd.xml and lib/storage/drbd_agent.h.
#include "metadata/drbd.h"
#include "ocf/agent.h"
#include "storage/drbd_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::DrbdAgent>(hakit::metadata::drbd, argc, argv);
}
