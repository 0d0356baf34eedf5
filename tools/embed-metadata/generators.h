// The two kinds of meta-data hakit embeds. Each reads one XML file and writes a header
// declaring hakit::metadata::<name> and a source defining it: the XML verbatim next to
// the tables generated from it. Neither validates (the tests do, against the schemas).
#pragma once

#include <string>

namespace hakit::embed {

/// An OCF resource agent's meta-data: ocf::AgentMetadata (ocf/metadata.h).
void generate_ocf(const std::string& xml_path, const std::string& header,
                  const std::string& source);

/// A fence agent's meta-data (fence-agents' format): fence::FenceMetadata (fence/metadata.h).
void generate_fence(const std::string& xml_path, const std::string& header,
                    const std::string& source);

}  // namespace hakit::embed
