// The xl.cfg(5) / xm guest config file: parsed into a DomainSpec.
#pragma once

#include <string_view>

#include "virt/config_error.h"
#include "virt/domain_spec.h"

namespace hakit::virt {

/// Parses a whole config file: `key = value` lines (also `;`-separated and `+=`),
/// '...' and "..." strings, numbers, lists [ ... ] that may span lines with trailing
/// commas, `#` comments; the xm (Python) and the xl spelling of keys. Total: any input
/// either parses or throws ConfigError naming the line at fault (bad syntax, a key
/// without a name, a bad memory size, an unknown disk mode...).
DomainSpec parse_xen_config(std::string_view text);

}  // namespace hakit::virt
