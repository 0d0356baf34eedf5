#include "xml_support.h"

#include <libxml/parser.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util/strings.h"

namespace hakit::embed {

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

bool is(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

xmlNode* child(xmlNode* parent, const char* name) {
  for (xmlNode* node = parent->children; node != nullptr; node = node->next) {
    if (is(node, name)) return node;
  }
  return nullptr;
}

std::string text(xmlNode* node) {
  if (node == nullptr) return {};
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string value(trim(reinterpret_cast<const char*>(content)));
  xmlFree(content);
  return value;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string identifier(const std::string& name) {
  std::string id = name;
  for (char& c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return id;
}

std::string table(const std::string& type, const std::string& name, const std::string& rows) {
  if (rows.empty()) return cat("constexpr std::span<const ", type, "> ", name, ";\n");
  return cat("const ", type, " ", name, "[] = {\n", rows, "};\n");
}

std::string read_xml(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(cat("cannot read ", path));
  std::stringstream raw;
  raw << in.rdbuf();
  std::string xml = raw.str();
  if (xml.find(")hakit\"") != std::string::npos) throw std::runtime_error("delimiter in XML");
  return xml;
}

Document::Document(const std::string& xml, const std::string& path)
    : doc_(xmlReadMemory(xml.data(), int(xml.size()), path.c_str(), nullptr, XML_PARSE_NONET)) {
  if (doc_ == nullptr) throw std::runtime_error(cat(path, ": not well-formed XML"));
}

Document::~Document() { xmlFreeDoc(doc_); }

xmlNode* Document::root() const { return xmlDocGetRootElement(doc_); }

std::string raw_xml_literal(const std::string& xml) {
  return cat("constexpr const char kXml[] = R\"hakit(", xml, ")hakit\";\n");
}

}  // namespace hakit::embed
