// A fence agent's meta-data. metadata/fence_hakit_<device>.xml is the one source of
// truth (valid against fence-agents' metadata.rng): at build time it is embedded
// verbatim and its option table is generated from it (hakit-embed-metadata --fence), so
// the option parser, the command-line flags, the external plugin's getinfo-xml and the
// printed meta-data can never disagree, and no XML is parsed at run time. The generated
// header "metadata/fence_hakit_<device>.h" declares
//   namespace hakit::metadata { extern const fence::FenceMetadata fence_hakit_<device>; }
// in the library hakit_metadata_fence_hakit_<device> (see hakit_add_fence_agent).
#pragma once

#include <span>
#include <string_view>

namespace hakit::fence {

enum class OptionType { kBoolean, kString, kSecond, kInteger, kSelect };

/// One <parameter>. A deprecated alias (ipaddr, login, passwd, port) is a parameter of its
/// own in the XML, as fence-agents writes it; the current name carries obsoletes="alias".
struct OptionSpec {
  std::string_view name = {};
  OptionType type = OptionType::kString;
  bool required = false;
  bool deprecated = false;
  std::string_view obsoletes = {};  ///< the deprecated alias this option replaces, if any
  bool has_default = false;
  std::string_view default_value = {};
  char short_flag = 0;              ///< from <getopt mixed="-a, --ip=[ip]">: 'a'
  std::string_view long_flag = {};  ///< "ip"
  bool takes_value = false;         ///< "--ip=[ip]" takes a value; "--lanplus" does not
  std::string_view shortdesc = {};
};

struct FenceMetadata {
  std::string_view name;  ///< "fence_hakit_null"
  std::string_view shortdesc;
  std::string_view longdesc;
  std::string_view vendor_url;
  std::string_view xml;  ///< printed verbatim by the metadata action
  std::span<const OptionSpec> options;
  std::span<const std::string_view> actions;  ///< <actions>, in order

  /// The spec of `name` exactly as declared (an alias finds its own deprecated entry).
  const OptionSpec* option(std::string_view name) const;
  /// The current option `name` stands for: itself, or the option that obsoletes it
  /// ("ipaddr" -> "ip", "port" -> "plug"). nullptr when not declared at all.
  const OptionSpec* canonical(std::string_view name) const;
  bool advertises(std::string_view action) const;
};

}  // namespace hakit::fence
