// What the agents read from a libvirt domain XML document (libxml2, no libvirt call).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hakit::virt {

struct DomainXmlFacts {
  std::string name;
  std::vector<std::string> networks;  ///< <interface type='network'><source network=.../>
  std::vector<std::string> pools;     ///< <disk type='volume'><source pool=.../>
};

/// nullopt when `xml` is not a domain document with a name.
std::optional<DomainXmlFacts> read_domain_xml(const std::string& xml);

}  // namespace hakit::virt
