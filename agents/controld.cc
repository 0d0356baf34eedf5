// ocf:hakit:controld — see metadata/controld.xml and lib/storage/controld_agent.h.
#include "metadata/controld.h"
#include "ocf/agent.h"
#include "storage/controld_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::ControldAgent>(hakit::metadata::controld, argc,
                                                              argv);
}
