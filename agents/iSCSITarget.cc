// ocf:hakit:iSCSITarget — see metadata/iSCSITarget.xml and lib/iscsi/target_agent.h.
#include "metadata/iSCSITarget.h"
#include "iscsi/target_agent.h"
#include "ocf/agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::iscsi::TargetAgent>(hakit::metadata::iSCSITarget, argc, argv);
}
