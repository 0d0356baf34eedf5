// A small XML writer for the domain XML: elements, attributes and text, every value
// escaped. No library: the parser side of hakit_virt_config stays dependency-free.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hakit::virt {

/// An attribute whose value is empty is left out: optional attributes need no branches.
class XmlWriter {
 public:
  using Attributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  /// <tag a='v'>; the matching close() ends it.
  void open(std::string_view tag, Attributes attributes = {});
  /// <tag a='v'/>
  void empty(std::string_view tag, Attributes attributes = {});
  /// <tag a='v'>text</tag>
  void element(std::string_view tag, std::string_view text, Attributes attributes = {});
  void close();

  /// The document; every element must be closed.
  std::string str() const;

 private:
  void start_tag(std::string_view tag, Attributes attributes);

  std::string out_;
  std::vector<std::string> open_;
};

/// `text` escaped for XML character data and attribute values (quote characters and
/// whitespace other than a space as references). Throws std::invalid_argument for a
/// character XML 1.0 cannot carry at all (NUL and other C0 controls).
std::string xml_escape(std::string_view text);

}  // namespace hakit::virt
