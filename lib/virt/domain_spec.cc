#include "virt/domain_spec.h"

#include "util/strings.h"

namespace hakit::virt {

bool DiskSpec::is_block_device() const {
  return backend == "phy" || !script.empty() || target.starts_with("/dev/");
}

std::string DomainSpec::kernel_command_line() const {
  std::vector<std::string> parts;
  if (!kernel_ip.empty()) parts.push_back("ip=" + kernel_ip);
  if (!root.empty()) parts.push_back("root=" + root);
  if (!cmdline.empty()) parts.push_back(cmdline);
  return join(parts, " ");
}

}  // namespace hakit::virt
