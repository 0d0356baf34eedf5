#include <fstream>
#include <sstream>
#include <stdexcept>

#include "generators.h"
#include "ocf/environment.h"
#include "util/strings.h"
#include "xml_support.h"

namespace hakit::embed {
namespace {

std::string param_type(const std::string& type) {
  if (type == "boolean") return "kBoolean";
  if (type == "integer") return "kInteger";
  if (type == "time") return "kTime";
  return "kString";
}

long long millis(const std::string& text) {
  if (text.empty()) return 0;
  const auto value = ocf::parse_duration(text);
  if (!value) throw std::runtime_error(cat("bad duration '", text, "'"));
  return value->count();
}

}  // namespace

void generate_ocf(const std::string& xml_path, const std::string& header,
                  const std::string& source) {
  const std::string xml = read_xml(xml_path);
  const Document doc(xml, xml_path);
  xmlNode* root = doc.root();

  std::ostringstream params, actions;
  for (xmlNode* p : elements(root, "parameters", "parameter")) {
    xmlNode* content = child(p, "content");
    const bool has_default = content && xmlHasProp(content, BAD_CAST "default");
    params << "    {" << quoted(attribute(p, "name"))
           << ", ParamType::" << param_type(content ? attribute(content, "type") : "string") << ", "
           << (attribute(p, "required") == "1" ? "true" : "false") << ", "
           << (has_default ? "true" : "false") << ", "
           << quoted(content ? attribute(content, "default") : "") << "},\n";
  }
  for (xmlNode* a : elements(root, "actions", "action")) {
    const std::string depth = attribute(a, "depth");
    actions << "    {" << quoted(attribute(a, "name")) << ", Millis("
            << millis(attribute(a, "timeout")) << "), Millis(" << millis(attribute(a, "interval"))
            << "), " << (depth.empty() ? "0" : depth) << ", " << quoted(attribute(a, "role"))
            << "},\n";
  }
  write_generated(
      xml_path, xml, root,
      {.api_header = "ocf/metadata.h",
       .type = "ocf::AgentMetadata",
       .declarations = cat("using ocf::ParamSpec;\nusing ocf::ParamType;\nusing ocf::ActionSpec;\n",
                           "using exec::Millis;\n", table("ParamSpec", "kParams", params.str()),
                           table("ActionSpec", "kActions", actions.str())),
       .initializer = cat("{", quoted(attribute(root, "name")),
                          ", {kXml, sizeof kXml - 1}, kParams, kActions}")},
      header, source);
}

}  // namespace hakit::embed
