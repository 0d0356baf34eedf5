#include "virt/xen_config.h"

namespace hakit::virt {

// API placeholder so that callers link; the parser follows in the next commits.
DomainSpec parse_xen_config(std::string_view) {
  throw ConfigError(0, "the Xen config parser is not implemented yet");
}

}  // namespace hakit::virt
