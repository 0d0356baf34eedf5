#include "ocf/agent_alias.h"

#include <algorithm>
#include <stdexcept>

#include "util/strings.h"

namespace hakit::ocf {

AliasedMetadata::AliasedMetadata(const AgentMetadata& metadata, std::string_view argv0,
                                 std::initializer_list<std::string_view> aliases)
    : metadata_(metadata) {
  const std::string_view invoked = argv0.substr(argv0.find_last_of('/') + 1);
  if (std::find(aliases.begin(), aliases.end(), invoked) == aliases.end()) return;
  const std::string original = cat("<resource-agent name=\"", metadata.name, "\"");
  const auto at = metadata.xml.find(original);
  if (at == std::string_view::npos) {
    throw std::logic_error(cat("the meta-data of ", metadata.name, " has no ", original));
  }
  name_ = invoked;
  xml_ = cat(metadata.xml.substr(0, at), "<resource-agent name=\"", name_, "\"",
             metadata.xml.substr(at + original.size()));
  metadata_.name = name_;
  metadata_.xml = xml_;
}

}  // namespace hakit::ocf
