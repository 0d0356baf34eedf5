// One agent installed under more than one name, as symlinks to one executable (pingd is
// also `ping`, for configurations written for ocf:pacemaker:ping). Pacemaker and
// ocf-tester expect the meta-data to carry the name the agent was run as, so the
// executable answers with a copy of its one meta-data renamed after argv[0]: a single
// XML source, no second file to keep in step.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "ocf/metadata.h"

namespace hakit::ocf {

class AliasedMetadata {
 public:
  /// `metadata` itself, unless argv0's file name is one of `aliases`: then `metadata` under
  /// that name, with `<resource-agent name="...">` in the XML renamed too.
  AliasedMetadata(const AgentMetadata& metadata, std::string_view argv0,
                  std::initializer_list<std::string_view> aliases);
  AliasedMetadata(const AliasedMetadata&) = delete;
  AliasedMetadata& operator=(const AliasedMetadata&) = delete;

  const AgentMetadata& get() const { return metadata_; }

 private:
  std::string name_;
  std::string xml_;
  AgentMetadata metadata_;
};

}  // namespace hakit::ocf
