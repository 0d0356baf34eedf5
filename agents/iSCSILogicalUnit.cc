// ocf:hakit:iSCSILogicalUnit — see metadata/iSCSILogicalUnit.xml and
// lib/iscsi/logical_unit_agent.h.
#include "metadata/iSCSILogicalUnit.h"
#include "iscsi/logical_unit_agent.h"
#include "ocf/agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::iscsi::LogicalUnitAgent>(hakit::metadata::iSCSILogicalUnit,
                                                               argc, argv);
}
