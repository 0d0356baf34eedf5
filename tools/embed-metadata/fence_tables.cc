#include <fstream>
#include <sstream>
#include <stdexcept>

#include "generators.h"
#include "util/strings.h"
#include "xml_support.h"

namespace hakit::embed {
namespace {

std::string option_type(const std::string& type) {
  if (type == "boolean") return "kBoolean";
  if (type == "integer") return "kInteger";
  if (type == "second") return "kSecond";
  if (type == "select") return "kSelect";
  return "kString";
}

struct Flags {
  std::string short_flag = "0";
  std::string long_flag;
};

/// "-a, --ip=[ip]" -> 'a', "ip"; "--verbose-level" -> 0, "verbose-level".
Flags parse_getopt(const std::string& mixed) {
  Flags flags;
  for (const std::string& word : split(mixed, ", ")) {
    if (word.starts_with("--")) {
      flags.long_flag = word.substr(2, word.find('=') - 2);
    } else if (word.size() == 2 && word[0] == '-') {
      flags.short_flag = cat('\'', word[1], '\'');
    }
  }
  if (flags.long_flag.empty()) throw std::runtime_error(cat("getopt '", mixed, "' has no --long"));
  return flags;
}

std::string option_row(xmlNode* p) {
  xmlNode* content = child(p, "content");
  xmlNode* getopt = child(p, "getopt");
  if (content == nullptr || getopt == nullptr) {
    throw std::runtime_error(cat("parameter ", attribute(p, "name"), " lacks content or getopt"));
  }
  const std::string type = attribute(content, "type");
  const Flags flags = parse_getopt(attribute(getopt, "mixed"));
  const char* yes_no[] = {"false", "true"};
  return cat("    {", quoted(attribute(p, "name")), ", OptionType::", option_type(type), ", ",
             yes_no[attribute(p, "required") == "1"], ", ",
             yes_no[attribute(p, "deprecated") == "1"], ", ", quoted(attribute(p, "obsoletes")),
             ", ", yes_no[xmlHasProp(content, BAD_CAST "default") != nullptr], ", ",
             quoted(attribute(content, "default")), ", ", flags.short_flag, ", ",
             quoted(flags.long_flag), ", ", yes_no[type != "boolean"], ", ",
             quoted(text(child(p, "shortdesc"))), "},\n");
}

}  // namespace

void generate_fence(const std::string& xml_path, const std::string& header,
                    const std::string& source) {
  const std::string xml = read_xml(xml_path);
  const Document doc(xml, xml_path);
  xmlNode* root = doc.root();

  std::ostringstream options, actions;
  for (xmlNode* p : elements(root, "parameters", "parameter")) options << option_row(p);
  for (xmlNode* a : elements(root, "actions", "action")) {
    actions << "    " << quoted(attribute(a, "name")) << ",\n";
  }
  write_generated(
      xml_path, xml, root,
      {.api_header = "fence/metadata.h",
       .type = "fence::FenceMetadata",
       .declarations = cat("using fence::OptionSpec;\nusing fence::OptionType;\n",
                           table("OptionSpec", "kOptions", options.str()),
                           table("std::string_view", "kActions", actions.str())),
       .initializer = cat(
           "{", quoted(attribute(root, "name")), ", ", quoted(attribute(root, "shortdesc")), ", ",
           quoted(text(child(root, "longdesc"))), ", ", quoted(text(child(root, "vendor-url"))),
           ", {kXml, sizeof kXml - 1}, kOptions, kActions}")},
      header, source);
}

}  // namespace hakit::embed
