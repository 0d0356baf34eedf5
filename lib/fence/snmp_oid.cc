#include "fence/snmp_oid.h"

#include <algorithm>
#include <charconv>

#include "fence/error.h"
#include "util/strings.h"

namespace hakit::fence::snmp {

Oid parse_oid(std::string_view text, std::string_view what) {
  const std::string_view trimmed = trim(text);
  const auto invalid = [&] {
    return Error(ErrorKind::kBadConfig,
                 cat(what, " must be a numeric OID such as .1.3.6.1.4.1.318, not '", trimmed, "'"));
  };
  std::string_view rest = trimmed.starts_with('.') ? trimmed.substr(1) : trimmed;
  Oid oid;
  while (true) {
    const size_t dot = rest.find('.');
    const std::string_view part = rest.substr(0, dot);
    unsigned long number = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), number);
    if (part.empty() || error != std::errc() || end != part.data() + part.size() ||
        number > 0xFFFFFFFFUL) {
      throw invalid();
    }
    oid.push_back(number);
    if (dot == std::string_view::npos) break;
    rest = rest.substr(dot + 1);
  }
  if (oid.size() < 2) throw invalid();
  return oid;
}

std::string to_string(const Oid& oid) {
  std::string text;
  for (const unsigned long number : oid) text += cat(".", number);
  return text;
}

Oid cell(const Oid& column, unsigned long index) {
  Oid oid = column;
  oid.push_back(index);
  return oid;
}

bool is_below(const Oid& oid, const Oid& subtree) {
  return oid.size() > subtree.size() && std::equal(subtree.begin(), subtree.end(), oid.begin());
}

}  // namespace hakit::fence::snmp
