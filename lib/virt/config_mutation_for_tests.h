// Unit-test helper: deterministic random edits of a config file, biased towards the
// characters the xl/xm syntax cares about, to show the parser and renderer are total.
#pragma once

#include <random>
#include <string>
#include <string_view>

namespace hakit::virt::testing {

/// Replaces, inserts or deletes a few bytes of `text`, or inserts a long run of one byte.
inline std::string mutate(std::string text, std::mt19937& random) {
  static constexpr std::string_view kInteresting = "[]'\",=#\n\\:; +-0xX\t\r\x00\xff";
  const int edits = std::uniform_int_distribution<int>(1, 4)(random);
  for (int i = 0; i < edits; ++i) {
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
    const char c = random() % 2 ? kInteresting[random() % kInteresting.size()]
                                : static_cast<char>(random() % 256);
    switch (random() % 4) {
      case 0:
        if (at < text.size()) text[at] = c;
        break;
      case 1:
        text.insert(at, 1, c);
        break;
      case 2:
        if (at < text.size()) text.erase(at, 1 + random() % 8);
        break;
      default:
        text.insert(at, std::string(1 + random() % 64, c));  // long runs: '[[[[', '####'
    }
  }
  return text;
}

}  // namespace hakit::virt::testing
