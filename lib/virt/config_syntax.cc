#include "virt/config_syntax.h"

#include <algorithm>
#include <cstdint>

#include "util/strings.h"

namespace hakit::virt {
namespace {

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Length of the UTF-8 sequence starting at text[0], 0 when it is not valid UTF-8
/// (libvirt rejects such XML, so the error belongs to the config line).
std::size_t utf8_sequence_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[i]);
    if ((next & 0xC0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a byte order mark some editors write
  }

  std::vector<ConfigSetting> settings() {
    std::vector<ConfigSetting> result;
    while (true) {
      skip_blank(/*newlines=*/true);
      if (at_end()) return result;
      if (peek() == ';') {
        ++pos_;
        continue;
      }
      assign(read_setting(), result);
      end_statement();
    }
  }

 private:
  struct Statement {
    ConfigSetting setting;
    bool append = false;  // `+=`
  };

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  [[noreturn]] void fail(int line, const std::string& message) const {
    throw ConfigError(line, message);
  }

  /// What is at the cursor, for messages: `unexpected "("`.
  std::string describe_here() const {
    if (at_end()) return "end of file";
    const char c = peek();
    if (c == '\n') return "end of line";
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
      return "a non-printable or non-ASCII character";
    }
    return cat('"', c, '"');
  }

  /// Skips spaces, comments and backslash line continuations; newlines too if asked.
  void skip_blank(bool newlines) {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '#') {
        while (!at_end() && peek() != '\n') ++pos_;
      } else if (c == '\\' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
        pos_ += 2;
        ++line_;
      } else if (c == '\n' && newlines) {
        ++pos_;
        ++line_;
      } else {
        return;
      }
    }
  }

  Statement read_setting() {
    Statement statement;
    statement.setting.line = line_;
    if (!is_ident_start(peek())) {
      fail(line_, cat("expected a key (a name such as memory) but found ", describe_here()));
    }
    const std::size_t start = pos_;
    while (!at_end() && is_ident_char(peek())) ++pos_;
    statement.setting.key = std::string(text_.substr(start, pos_ - start));
    skip_blank(false);
    if (!at_end() && peek() == '+' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '=') {
      statement.append = true;
      pos_ += 2;
    } else if (!at_end() && peek() == '=') {
      ++pos_;
    } else {
      fail(line_, cat(R"(expected "=" after the key ")", statement.setting.key, R"(" but found )",
                      describe_here()));
    }
    skip_blank(false);
    statement.setting.value = read_value();
    return statement;
  }

  ConfigValue read_value() {
    ConfigValue value;
    value.line = line_;
    if (!at_end() && peek() == '[') {
      value.is_list = true;
      value.items = read_list();
    } else {
      value.text = read_atom("a value (a quoted string, a number or a [list])");
    }
    return value;
  }

  std::vector<ConfigAtom> read_list() {
    const int opened = line_;
    ++pos_;  // '['
    std::vector<ConfigAtom> items;
    const auto unterminated = [&] {
      fail(opened, "the list opened on this line is never closed with \"]\"");
    };
    while (true) {
      skip_blank(true);
      if (at_end()) unterminated();
      if (peek() == ']') break;
      if (peek() == '[') fail(line_, "lists inside lists are not supported");
      const int line = line_;
      items.push_back(
          {read_atom(cat("a list item or \"]\" (list opened on line ", opened, ")")), line});
      skip_blank(true);
      if (at_end()) unterminated();
      if (peek() == ',') {
        ++pos_;
      } else if (peek() != ']') {
        fail(line_, cat(R"(expected "," or "]" in the list opened on line )", opened, " but found ",
                        describe_here()));
      }
    }
    ++pos_;  // ']'
    return items;
  }

  /// A quoted string, a number (digits, hex, a leading minus for Python configs) or a
  /// Python boolean, as text.
  std::string read_atom(const std::string& expected) {
    if (!at_end() && (peek() == '"' || peek() == '\'')) return read_string();
    const std::size_t start = pos_;
    if (!at_end() && peek() == '-') ++pos_;
    if (!at_end() && is_digit(peek())) {
      while (!at_end() && (is_ident_char(peek()) || peek() == '.')) ++pos_;
      return std::string(text_.substr(start, pos_ - start));
    }
    pos_ = start;
    if (!at_end() && is_ident_start(peek())) {
      while (!at_end() && is_ident_char(peek())) ++pos_;
      const std::string_view word = text_.substr(start, pos_ - start);
      if (word == "True") return "1";
      if (word == "False") return "0";
      fail(line_, cat("\"", word, "\" is not a value: quote strings (Python expressions and ",
                      "variables are not evaluated)"));
    }
    fail(line_, cat("expected ", expected, " but found ", describe_here()));
  }

  std::string read_string() {
    const char quote = peek();
    const int opened = line_;
    ++pos_;
    std::string result;
    while (true) {
      if (at_end() || peek() == '\n') {
        fail(opened, cat("unterminated string: no closing ", quote, " on this line"));
      }
      const char c = peek();
      if (c == quote) {
        ++pos_;
        return result;
      }
      if (c == '\\' && pos_ + 1 < text_.size()) {
        read_escape(result);
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
        fail(line_, "control character in a string (use an escape such as \\t)");
      }
      const std::size_t length = utf8_sequence_length(text_.substr(pos_));
      if (length == 0) fail(line_, "string is not valid UTF-8");
      result.append(text_.substr(pos_, length));
      pos_ += length;
    }
  }

  /// Python's common escapes; an unknown one keeps its backslash, as Python does.
  void read_escape(std::string& out) {
    const char next = text_[pos_ + 1];
    pos_ += 2;
    switch (next) {
      case '\n':
        ++line_;  // a continued string
        return;
      case 'n':
        out += '\n';
        return;
      case 't':
        out += '\t';
        return;
      case 'r':
        out += '\r';
        return;
      case '\\':
      case '\'':
      case '"':
        out += next;
        return;
      default:
        pos_ -= 1;  // read the character after the backslash normally
        out += '\\';
    }
  }

  void end_statement() {
    skip_blank(false);
    if (at_end()) return;
    if (peek() == ';' || peek() == '\n') {
      ++pos_;
      if (text_[pos_ - 1] == '\n') ++line_;
      return;
    }
    fail(line_, cat("expected the end of the line after the value but found ", describe_here(),
                    " (one setting per line; Python expressions are not evaluated)"));
  }

  /// The last assignment of a key wins; `+=` extends the earlier value.
  static void assign(Statement statement, std::vector<ConfigSetting>& settings) {
    auto& setting = statement.setting;
    const auto earlier = std::find_if(settings.begin(), settings.end(),
                                      [&](const ConfigSetting& s) { return s.key == setting.key; });
    if (earlier == settings.end()) {
      settings.push_back(std::move(setting));
      return;
    }
    if (statement.append) {
      if (earlier->value.is_list != setting.value.is_list) {
        throw ConfigError(setting.line, cat("\"", setting.key, " +=\" must add a ",
                                            earlier->value.is_list ? "list" : "string",
                                            " like the earlier value"));
      }
      earlier->value.text += setting.value.text;
      earlier->value.items.insert(earlier->value.items.end(), setting.value.items.begin(),
                                  setting.value.items.end());
      return;
    }
    *earlier = std::move(setting);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<ConfigSetting> parse_config_syntax(std::string_view text) {
  return Parser(text).settings();
}

}  // namespace hakit::virt
