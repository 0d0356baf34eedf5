#include "fence/meatware_protocol.h"

#include "fence/error.h"
#include "util/strings.h"

namespace hakit::fence {

std::string meatware_fifo_path(std::string_view node, std::string_view directory) {
  if (node.empty() || node == "." || node == ".." || node.find('/') != std::string_view::npos ||
      node.find('\0') != std::string_view::npos) {
    throw Error(ErrorKind::kUnknownTarget, cat("'", node, "' cannot name a meatware FIFO"));
  }
  return cat(directory, "/meatware.", to_lower(node));
}

std::string meatware_reply(std::string_view node) {
  std::string message = cat("meatware reply ", to_lower(node));
  message.resize(std::max(message.size(), kMeatwareMessageSize), '\0');
  return message;
}

bool confirms(std::string_view message, std::string_view node) {
  message = message.substr(0, message.find('\0'));
  const std::vector<std::string> words = split(message);
  return words.size() == 3 && words[0] == "meatware" && words[1] == "reply" &&
         to_lower(words[2]) == to_lower(node);
}

}  // namespace hakit::fence
