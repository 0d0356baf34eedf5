// ocf:hakit:Xen — see metadata/Xen.xml and lib/virt/xen_agent.h.
#include "metadata/Xen.h"
#include "ocf/agent.h"
#include "virt/xen_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::virt::XenAgent>(hakit::metadata::Xen, argc, argv);
}
