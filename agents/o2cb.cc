// ocf:hakit:o2cb — see metadata/o2cb.xml and lib/storage/o2cb_agent.h.
#include "metadata/o2cb.h"
#include "ocf/agent.h"
#include "storage/o2cb_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::O2cbAgent>(hakit::metadata::o2cb, argc, argv);
}
