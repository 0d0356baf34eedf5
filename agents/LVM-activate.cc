// ocf:hakit:LVM-activate — see metadata/LVM-activate.xml and lib/storage/lvm_volume_agent.h.
#include "metadata/LVM-activate.h"
#include "ocf/agent.h"
#include "storage/lvm_volume_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::LvmActivateAgent>(hakit::metadata::LVM_activate,
                                                                 argc, argv);
}
