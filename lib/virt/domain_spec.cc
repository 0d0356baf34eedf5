#include "virt/domain_spec.h"

namespace hakit::virt {

bool DiskSpec::is_block_device() const {
  return backend == "phy" || !script.empty() || target.starts_with("/dev/");
}

std::string DomainSpec::kernel_command_line() const {
  std::string line = root.empty() ? std::string() : "root=" + root;
  if (!line.empty() && !cmdline.empty()) line += ' ';
  return line + cmdline;
}

}  // namespace hakit::virt
