#include "virt/xdr.h"

#include "util/strings.h"

namespace hakit::virt {
namespace {

size_t padding(size_t size) { return (4 - size % 4) % 4; }

}  // namespace

void XdrWriter::u32(uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) bytes_.push_back(char((value >> shift) & 0xff));
}

void XdrWriter::string(std::string_view text) {
  u32(static_cast<uint32_t>(text.size()));
  fixed_opaque(text);
}

void XdrWriter::fixed_opaque(std::string_view bytes) {
  bytes_.append(bytes);
  pad();
}

void XdrWriter::patch_u32(size_t offset, uint32_t value) {
  for (int i = 0; i < 4; ++i) bytes_.at(offset + i) = char((value >> (24 - 8 * i)) & 0xff);
}

void XdrWriter::pad() { bytes_.append(padding(bytes_.size()), '\0'); }

std::string_view XdrReader::take(size_t size) {
  if (size > rest_.size()) {
    throw XdrError(cat("message ends ", size - rest_.size(), " bytes early"));
  }
  const std::string_view taken = rest_.substr(0, size);
  rest_.remove_prefix(size);
  return taken;
}

uint32_t XdrReader::u32() {
  const std::string_view unit = take(4);
  uint32_t value = 0;
  for (const char byte : unit) value = (value << 8) | static_cast<unsigned char>(byte);
  return value;
}

std::string XdrReader::string(size_t max) {
  const uint32_t size = u32();
  if (size > max) throw XdrError(cat("a string of ", size, " bytes, more than ", max));
  return fixed_opaque(size);
}

std::optional<std::string> XdrReader::optional_string(size_t max) {
  if (u32() == 0) return std::nullopt;
  return string(max);
}

std::string XdrReader::fixed_opaque(size_t size) {
  std::string bytes(take(size));
  take(padding(size));
  return bytes;
}

}  // namespace hakit::virt
