// libxml2 glue shared by the meta-data reader and the schema checks: an owned
// document, and the messages libxml2 reports while parsing or validating.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::cli {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Parses `xml` without loading external entities or touching the network. Throws
/// cli::Error with libxml2's messages when it is not well-formed.
XmlDocument parse_xml(std::string_view xml);

/// Collects libxml2's error messages ("line 3: ...") while alive, instead of letting
/// libxml2 print them. libxml2 reports through a per-thread handler, so collectors nest
/// but must not outlive the scope that created them.
class XmlErrors {
 public:
  XmlErrors();
  ~XmlErrors();
  XmlErrors(const XmlErrors&) = delete;
  XmlErrors& operator=(const XmlErrors&) = delete;

  const std::vector<std::string>& messages() const { return messages_; }

 private:
  static void collect(void* self, xmlErrorPtr error);
  std::vector<std::string> messages_;
  void* previous_context_;
  xmlStructuredErrorFunc previous_handler_;
};

/// The text content of `node`, trimmed ("" for null).
std::string node_text(const xmlNode* node);
/// The value of attribute `name` of `node`, if present.
std::optional<std::string> attribute(const xmlNode* node, const char* name);
/// Whether `node` is an element called `name`.
bool is_element(const xmlNode* node, std::string_view name);

}  // namespace hakit::cli
