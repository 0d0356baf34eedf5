#include "virt/spec_fields.h"

#include <arpa/inet.h>

#include "util/strings.h"

namespace hakit::virt {

std::vector<SpecField> split_spec_fields(std::string_view spec) {
  std::vector<SpecField> fields;
  while (true) {
    const std::string_view rest = trim(spec);
    std::size_t comma = spec.find(',');
    if (rest.starts_with("target=")) comma = std::string_view::npos;
    const std::string_view field = trim(spec.substr(0, comma));
    const std::size_t equals = field.find('=');
    if (equals == std::string_view::npos) {
      fields.push_back({{}, field});
    } else {
      fields.push_back({trim(field.substr(0, equals)), trim(field.substr(equals + 1))});
    }
    if (comma == std::string_view::npos) return fields;
    spec.remove_prefix(comma + 1);
  }
}

bool is_absolute_path(std::string_view path) {
  return path.size() > 1 && path.front() == '/' && path.find_first_of("\r\n") == path.npos;
}

bool is_device_name(std::string_view name) {
  constexpr std::string_view kPunctuation = "_.-\\:/";
  if (name.empty()) return false;
  for (const char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && kPunctuation.find(c) == std::string_view::npos) return false;
  }
  return true;
}

bool is_ip_address(const std::string& address) {
  in6_addr buffer{};
  return inet_pton(AF_INET, address.c_str(), &buffer) == 1 ||
         inet_pton(AF_INET6, address.c_str(), &buffer) == 1;
}

bool is_address_or_name(const std::string& address) {
  return is_ip_address(address) ||
         (!address.empty() &&
          address.find_first_not_of(
              "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") ==
              std::string::npos);
}

}  // namespace hakit::virt
