#include "fence/ssh_login.h"

#include <charconv>
#include <set>

#include "fence/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

/// Splits like a shell does for plain words and '...' / "..." quoting (no escapes):
/// fencing.py handed ssh_options to pexpect, which splits the same way.
std::vector<std::string> shell_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : text) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

int port_number(std::string_view text, std::string_view where) {
  int port = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port < 1 || port > 65535) {
    throw Error(ErrorKind::kBadConfig, cat(where, ": '", text, "' is not a TCP port"));
  }
  return port;
}

/// One `-o Key=Value` (or "Key Value"); false when the key is not one hakit uses.
bool apply_config_option(std::string_view option, SshLogin& login) {
  const size_t split_at = option.find_first_of("= ");
  if (split_at == std::string_view::npos) return false;
  const std::string key = to_lower(option.substr(0, split_at));
  const std::string value(trim(option.substr(split_at + 1)));
  if (key == "port") {
    login.port = port_number(value, "ssh_options -o Port");
  } else if (key == "user") {
    login.user = value;
  } else if (key == "identityfile") {
    login.identity_file = value;
  } else if (key == "userknownhostsfile") {
    const std::vector<std::string> files = split(value);  // OpenSSH takes a list
    login.known_hosts = files.empty() ? "" : files.front();
  } else if (key == "stricthostkeychecking") {
    const std::string mode = to_lower(value);
    login.verify_host_key = mode != "no" && mode != "off";
  } else {
    return key == "batchmode" || key == "loglevel" || key == "connecttimeout";
  }
  return true;
}

}  // namespace

std::vector<std::string> apply_ssh_options(std::string_view ssh_options, SshLogin& login) {
  static const std::set<std::string, std::less<>> kMeaningless = {"-t", "-T", "-q", "-x", "-n",
                                                                  "-v", "-4", "-6", "-C"};
  std::vector<std::string> ignored;
  const std::vector<std::string> words = shell_words(ssh_options);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (kMeaningless.contains(word)) continue;
    const bool takes_value = word.size() >= 2 && word[0] == '-' &&
                             std::string_view("pilo").find(word[1]) != std::string_view::npos;
    if (!takes_value) {
      ignored.push_back(word);
      continue;
    }
    // "-p 22" or "-p22".
    std::string value = word.substr(2);
    if (value.empty()) {
      if (i + 1 == words.size()) {
        ignored.push_back(word);
        break;
      }
      value = words[++i];
    }
    switch (word[1]) {
      case 'p':
        login.port = port_number(value, "ssh_options -p");
        break;
      case 'i':
        login.identity_file = value;
        break;
      case 'l':
        login.user = value;
        break;
      default:
        if (!apply_config_option(value, login)) ignored.push_back(cat("-o ", value));
    }
  }
  return ignored;
}

SshLogin ssh_login(const Options& options, const std::string& host,
                   const exec::Deadline& deadline) {
  const auto declared_and_set = [&](std::string_view name) {
    return options.declares(name) && options.is_set(name);
  };
  SshLogin login{.host = host};
  if (options.declares("ipport")) {
    login.port = port_number(options.str("ipport"), "ipport");
  }
  if (options.declares("username")) login.user = options.str("username");
  if (declared_and_set("ssh_options")) {
    for (const std::string& word : apply_ssh_options(options.str("ssh_options"), login)) {
      ocf::log_warning(cat("ssh_options: ignoring '", word, "'"));
    }
  }
  // Explicit options win over ssh_options.
  if (declared_and_set("ipport")) login.port = port_number(options.str("ipport"), "ipport");
  if (declared_and_set("username")) login.user = options.str("username");
  if (declared_and_set("identity_file")) login.identity_file = options.str("identity_file");
  if (declared_and_set("known_hosts")) login.known_hosts = options.str("known_hosts");
  if (options.declares("ssh_insecure") && options.flag("ssh_insecure")) {
    login.verify_host_key = false;
  }
  if (options.declares("password")) login.password = options.secret("password", deadline);
  return login;
}

}  // namespace hakit::fence
