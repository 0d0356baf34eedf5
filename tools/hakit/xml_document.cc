#include "hakit/xml_document.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "hakit/error.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

struct XmlCharFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlText = std::unique_ptr<xmlChar, XmlCharFree>;

std::string to_string(const xmlChar* text) {
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

}  // namespace

XmlDocument parse_xml(std::string_view xml) {
  XmlErrors errors;
  XmlDocument doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "meta-data", nullptr,
                                XML_PARSE_NONET));
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    std::string message = "not well-formed XML";
    for (const auto& line : errors.messages()) message += "; " + line;
    throw Error(message);
  }
  return doc;
}

XmlErrors::XmlErrors()
    : previous_context_(xmlStructuredErrorContext), previous_handler_(xmlStructuredError) {
  xmlSetStructuredErrorFunc(this, &XmlErrors::collect);
}

XmlErrors::~XmlErrors() { xmlSetStructuredErrorFunc(previous_context_, previous_handler_); }

void XmlErrors::collect(void* self, xmlErrorPtr error) {
  if (error == nullptr || error->message == nullptr) return;
  std::string message(trim(error->message));
  if (error->line > 0) message = cat("line ", error->line, ": ", message);
  static_cast<XmlErrors*>(self)->messages_.push_back(std::move(message));
}

std::string node_text(const xmlNode* node) {
  if (node == nullptr) return {};
  const XmlText text(xmlNodeGetContent(node));
  return std::string(trim(to_string(text.get())));
}

std::optional<std::string> attribute(const xmlNode* node, const char* name) {
  const XmlText value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  if (value == nullptr) return std::nullopt;
  return to_string(value.get());
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         name == reinterpret_cast<const char*>(node->name);
}

}  // namespace hakit::cli
