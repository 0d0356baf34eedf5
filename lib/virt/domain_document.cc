#include "virt/domain_document.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string_view>

namespace hakit::virt {
namespace {

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

bool named(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

/// The text of `first` and its siblings, as xmlNodeGetContent gives it for their parent.
/// The tree is read directly rather than through libxml2's allocating getters: libxml2 is
/// loaded on first use (libxml2_on_demand.cc) and forwards only what is called here.
std::string text_of(const xmlNode* first) {
  std::string text;
  for (const xmlNode* node = first; node; node = node->next) {
    if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content) {
      text += reinterpret_cast<const char*>(node->content);
    }
  }
  return text;
}

std::string attribute(const xmlNode* node, std::string_view name) {
  for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
    if (std::string_view(reinterpret_cast<const char*>(attr->name)) == name) {
      return text_of(attr->children);
    }
  }
  return "";
}

std::string text(const xmlNode* node) { return text_of(node->children); }

/// The `attr` of each <source> below elements named `device` whose type is `type`.
void collect_sources(const xmlNode* devices, std::string_view device, std::string_view type,
                     std::string_view attr, std::vector<std::string>& out) {
  for (const xmlNode* node = devices->children; node; node = node->next) {
    if (!named(node, device) || attribute(node, "type") != type) continue;
    for (const xmlNode* child = node->children; child; child = child->next) {
      if (!named(child, "source")) continue;
      if (auto value = attribute(child, attr); !value.empty()) out.push_back(std::move(value));
    }
  }
}

}  // namespace

std::optional<DomainXmlFacts> read_domain_xml(const std::string& xml) {
  const Document doc(xmlReadMemory(xml.data(), int(xml.size()), "domain.xml", nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                     xmlFreeDoc);
  if (!doc) return std::nullopt;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !named(root, "domain")) return std::nullopt;
  DomainXmlFacts facts;
  for (const xmlNode* node = root->children; node; node = node->next) {
    if (named(node, "name")) facts.name = text(node);
    if (named(node, "devices")) {
      collect_sources(node, "interface", "network", "network", facts.networks);
      collect_sources(node, "disk", "volume", "pool", facts.pools);
    }
  }
  if (facts.name.empty()) return std::nullopt;
  return facts;
}

}  // namespace hakit::virt
