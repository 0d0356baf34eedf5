// ocf:hakit:VirtualDomain — see metadata/VirtualDomain.xml and lib/virt/vm_agent.h.
#include "metadata/VirtualDomain.h"
#include "ocf/agent.h"
#include "virt/virtual_domain_agent.h"

int main(int argc, char** argv) {
  return hakit::ocf::run_agent<hakit::virt::VirtualDomainAgent>(hakit::metadata::VirtualDomain,
                                                                argc, argv);
}
