// ocf:hakit:LVM (legacy) — see metadata/LVM.xml and lib/storage/lvm_volume_agent.h.
#include "metadata/LVM.h"
#include "ocf/agent.h"
#include "storage/lvm_volume_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::storage::LegacyLvmAgent>(hakit::metadata::LVM, argc, argv);
}
