#include "iscsi/word_lists.h"

#include <charconv>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

constexpr int kIscsiPort = 3260;

[[noreturn]] void malformed(std::string_view parameter, std::string_view word,
                            std::string_view expected) {
  throw ocf::Error(ocf::ExitCode::kErrConfigured,
                   cat(parameter, ": \"", word, "\" is not ", expected));
}

}  // namespace

std::vector<NameValue> parse_name_values(std::string_view text, std::string_view parameter) {
  std::vector<NameValue> pairs;
  for (const std::string& word : split(text)) {
    const size_t equals = word.find('=');
    if (equals == 0 || equals == std::string::npos || word.find(',') != std::string::npos) {
      malformed(parameter, word, "of the form name=value (without commas)");
    }
    pairs.push_back({word.substr(0, equals), word.substr(equals + 1)});
  }
  return pairs;
}

std::vector<Portal> parse_portals(std::string_view text, std::string_view parameter) {
  std::vector<Portal> portals;
  for (const std::string& word : split(text)) {
    Portal portal;
    std::string_view port_text;
    if (word.starts_with('[')) {  // [v6-address]:port
      const size_t close = word.find(']');
      if (close == std::string::npos) malformed(parameter, word, "a portal ([address]:port)");
      portal.address = word.substr(1, close - 1);
      const std::string_view after = std::string_view(word).substr(close + 1);
      if (!after.empty() && !after.starts_with(':')) malformed(parameter, word, "a portal");
      if (!after.empty()) port_text = after.substr(1);
    } else if (const size_t colon = word.rfind(':');
               colon != std::string::npos && word.find(':') == colon) {  // v4-address:port
      portal.address = word.substr(0, colon);
      port_text = std::string_view(word).substr(colon + 1);
    } else {
      portal.address = word;  // an address alone (a bare IPv6 address has several colons)
    }
    if (!port_text.empty()) {
      const auto [end, error] =
          std::from_chars(port_text.data(), port_text.data() + port_text.size(), portal.port);
      if (error != std::errc() || end != port_text.data() + port_text.size() || portal.port < 1 ||
          portal.port > 65535) {
        malformed(parameter, word, "a portal with a port from 1 to 65535");
      }
    } else {
      portal.port = kIscsiPort;
    }
    if (portal.address.empty()) malformed(parameter, word, "a portal (address[:port])");
    portals.push_back(portal);
  }
  return portals;
}

}  // namespace hakit::iscsi
