#include "virt/domain_xml.h"

namespace hakit::virt {

// API placeholder so that callers link; the renderer follows in the next commits.
std::string render_domain_xml(const DomainSpec&, std::string_view, const RenderOptions&) {
  throw ConfigError(0, "the libvirt domain XML renderer is not implemented yet");
}

}  // namespace hakit::virt
