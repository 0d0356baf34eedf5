// What both generators share: reading a libxml2 tree and writing C++ literals.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace hakit::embed {

/// The attribute's value, "" when absent.
std::string attribute(xmlNode* node, const char* name);
bool is(xmlNode* node, const char* name);
/// The first child element called `name`, or nullptr.
xmlNode* child(xmlNode* parent, const char* name);
/// The `item` elements inside `parent`'s first `list` child ("parameters"/"parameter").
std::vector<xmlNode*> elements(xmlNode* parent, const char* list, const char* item);
/// The element's text content, trimmed.
std::string text(xmlNode* node);
/// A C++ string literal for `text`.
std::string quoted(const std::string& text);
/// `name` with everything but letters and digits turned into '_'.
std::string identifier(const std::string& name);
/// A constant array, or an empty span when there are no rows (C++ has no empty arrays).
std::string table(const std::string& type, const std::string& name, const std::string& rows);
/// The XML file's contents, checked to fit a raw string literal.
std::string read_xml(const std::string& path);

/// A parsed document, freed with its owner.
class Document {
 public:
  Document(const std::string& xml, const std::string& path);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  xmlNode* root() const;

 private:
  xmlDoc* doc_;
};

/// What one generator produces for an agent, around which write_generated() puts the
/// common frame: the header declaring `hakit::metadata::<id>` and the source defining it
/// from the tables and the verbatim XML (`kXml`).
struct Generated {
  std::string api_header;    ///< "ocf/metadata.h"
  std::string type;          ///< "ocf::AgentMetadata"
  std::string declarations;  ///< using-declarations and tables, inside an anonymous namespace
  std::string initializer;   ///< the object's braced fields, which may use kXml
};

void write_generated(const std::string& xml_path, const std::string& xml, xmlNode* root,
                     const Generated& generated, const std::string& header,
                     const std::string& source);

}  // namespace hakit::embed
