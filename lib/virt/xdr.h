// XDR (RFC 4506), the encoding of libvirt's RPC messages: 4-byte big-endian units; strings
// and opaque data carry their length and are padded to a multiple of 4.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hakit::virt {

class XdrWriter {
 public:
  void u32(uint32_t value);
  void i32(int32_t value) { u32(static_cast<uint32_t>(value)); }
  /// Variable-length string: length, bytes, padding.
  void string(std::string_view text);
  /// Fixed-length opaque data: bytes, padding.
  void fixed_opaque(std::string_view bytes);
  /// Overwrites the unit at `offset` (a message's length, known at the end).
  void patch_u32(size_t offset, uint32_t value);
  const std::string& bytes() const { return bytes_; }

 private:
  void pad();
  std::string bytes_;
};

/// Data that does not decode (truncated, a length beyond the limit).
class XdrError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads from a view of the message; throws XdrError past its end.
class XdrReader {
 public:
  explicit XdrReader(std::string_view bytes) : rest_(bytes) {}
  uint32_t u32();
  int32_t i32() { return static_cast<int32_t>(u32()); }
  /// Variable-length string of at most `max` bytes.
  std::string string(size_t max);
  /// An optional string (XDR's "string *"): nullopt for a null one.
  std::optional<std::string> optional_string(size_t max);
  /// Fixed-length opaque data of `size` bytes.
  std::string fixed_opaque(size_t size);
  bool at_end() const { return rest_.empty(); }

 private:
  std::string_view take(size_t size);
  std::string_view rest_;
};

}  // namespace hakit::virt
