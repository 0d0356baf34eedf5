#include "virt/xml_writer.h"

#include <stdexcept>

#include "util/strings.h"

namespace hakit::virt {

std::string xml_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      case '\t':
        escaped += "&#9;";
        break;
      case '\n':
        escaped += "&#10;";
        break;
      case '\r':
        escaped += "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          throw std::invalid_argument(
              cat("control character ", static_cast<int>(c), " cannot be written in XML"));
        }
        escaped += c;
    }
  }
  return escaped;
}

void XmlWriter::start_tag(std::string_view tag, Attributes attributes) {
  out_.append(open_.size() * 2, ' ');
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attributes) {
    if (!value.empty()) out_ += cat(' ', name, "='", xml_escape(value), '\'');
  }
}

void XmlWriter::open(std::string_view tag, Attributes attributes) {
  start_tag(tag, attributes);
  out_ += ">\n";
  open_.emplace_back(tag);
}

void XmlWriter::empty(std::string_view tag, Attributes attributes) {
  start_tag(tag, attributes);
  out_ += "/>\n";
}

void XmlWriter::element(std::string_view tag, std::string_view text, Attributes attributes) {
  start_tag(tag, attributes);
  out_ += cat('>', xml_escape(text), "</", tag, ">\n");
}

void XmlWriter::close() {
  const std::string tag = open_.back();
  open_.pop_back();
  out_.append(open_.size() * 2, ' ');
  out_ += cat("</", tag, ">\n");
}

std::string XmlWriter::str() const {
  if (!open_.empty()) throw std::logic_error(cat("XML element <", open_.back(), "> not closed"));
  return out_;
}

}  // namespace hakit::virt
