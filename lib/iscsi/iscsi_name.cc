#include "iscsi/iscsi_name.h"

#include <cctype>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

constexpr size_t kMaxLength = 223;

bool all_hex(std::string_view text) {
  for (const char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool all_digits(std::string_view text) {
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

std::string iqn_problem(std::string_view name) {
  // iqn.yyyy-mm.naming-authority[:unique]
  const std::string_view rest = name.substr(4);
  const bool dated = rest.size() >= 8 && all_digits(rest.substr(0, 4)) && rest[4] == '-' &&
                     all_digits(rest.substr(5, 2)) && rest[7] == '.';
  if (!dated) return "must start with iqn.yyyy-mm. (the year and month the domain was owned)";
  const size_t colon = rest.find(':');  // after the date, which has none
  const std::string_view authority =
      rest.substr(8, colon == std::string_view::npos ? colon : colon - 8);
  if (authority.empty() || authority.front() == '.' || authority.back() == '.') {
    return "needs a reversed domain name after the date (iqn.yyyy-mm.com.example)";
  }
  return {};
}

}  // namespace

bool looks_like_iscsi_name(std::string_view text) {
  const std::string prefix = to_lower(text.substr(0, 4));
  return prefix == "iqn." || prefix == "eui." || prefix == "naa.";
}

std::string iscsi_name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > kMaxLength) return cat("is longer than ", kMaxLength, " bytes");
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != ':') {
      return cat("contains '", c,
                 "': only letters, digits, '-', '.' and ':' are allowed in an iSCSI name");
    }
  }
  const std::string prefix = to_lower(name.substr(0, 4));
  if (prefix == "iqn.") return iqn_problem(name);
  const std::string_view digits = name.substr(4);
  if (prefix == "eui.") {
    return digits.size() == 16 && all_hex(digits) ? "" : "must be eui. and 16 hex digits";
  }
  if (prefix == "naa.") {
    return (digits.size() == 16 || digits.size() == 32) && all_hex(digits)
               ? ""
               : "must be naa. and 16 or 32 hex digits";
  }
  return "must start with iqn., eui. or naa.";
}

void require_iscsi_name(std::string_view name, std::string_view parameter) {
  if (const std::string problem = iscsi_name_problem(name); !problem.empty()) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     cat(parameter, " \"", name, "\" is not a valid iSCSI name: it ", problem));
  }
}

bool same_iscsi_name(std::string_view a, std::string_view b) { return to_lower(a) == to_lower(b); }

}  // namespace hakit::iscsi
