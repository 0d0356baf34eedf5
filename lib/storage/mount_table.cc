#include "storage/mount_table.h"

#include <algorithm>
#include <charconv>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

constexpr const char* kMountInfo = "/proc/self/mountinfo";
constexpr int kMaxReads = 5;

template <typename Number>
bool parse_number(std::string_view text, Number& value, int base = 10) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

// "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
bool parse_line(std::string_view line, MountEntry& entry) {
  const std::vector<std::string> fields = split(line, " ");
  const auto separator = std::find(fields.begin(), fields.end(), "-");
  if (separator - fields.begin() < 6 || fields.end() - separator < 3) return false;
  const std::string& device = fields[2];
  const auto colon = device.find(':');
  if (colon == std::string::npos) return false;
  if (!parse_number(std::string_view(fields[0]), entry.id) ||
      !parse_number(std::string_view(fields[1]), entry.parent_id) ||
      !parse_number(std::string_view(device).substr(0, colon), entry.major) ||
      !parse_number(std::string_view(device).substr(colon + 1), entry.minor)) {
    return false;
  }
  entry.root = unescape_mount_field(fields[3]);
  entry.mount_point = unescape_mount_field(fields[4]);
  entry.options = fields[5];
  entry.fstype = unescape_mount_field(separator[1]);
  entry.source = unescape_mount_field(separator[2]);
  entry.super_options = separator + 3 < fields.end() ? separator[3] : "";
  return true;
}

}  // namespace

std::string unescape_mount_field(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    unsigned code = 0;
    if (field[i] == '\\' && i + 3 < field.size() && parse_number(field.substr(i + 1, 3), code, 8) &&
        code < 256) {
      out.push_back(static_cast<char>(code));
      i += 3;
    } else {
      out.push_back(field[i]);
    }
  }
  return out;
}

bool path_within(std::string_view path, std::string_view dir) {
  if (dir == "/") return path.starts_with('/');
  return path.starts_with(dir) && (path.size() == dir.size() || path[dir.size()] == '/');
}

MountTable MountTable::parse(std::string_view mountinfo) {
  MountTable table;
  for (const std::string& line : split(mountinfo, "\n")) {
    MountEntry entry;
    if (parse_line(line, entry)) table.entries_.push_back(std::move(entry));
  }
  return table;
}

MountTable MountTable::read() {
  std::string previous, current;
  for (int attempt = 0; attempt < kMaxReads; ++attempt) {
    if (!read_file(kMountInfo, current)) {
      throw ocf::Error(ocf::ExitCode::kErrGeneric, cat("cannot read ", kMountInfo));
    }
    if (current == previous) break;
    previous.swap(current);
  }
  return parse(previous);
}

const MountEntry* MountTable::at(std::string_view mount_point) const {
  const MountEntry* top = nullptr;
  for (const MountEntry& entry : entries_) {
    if (entry.mount_point != mount_point) continue;
    // In a stack of mounts on one directory, each is the parent of the next.
    if (top == nullptr || entry.parent_id == top->id) top = &entry;
  }
  return top;
}

const MountEntry* MountTable::by_id(int id) const {
  for (const MountEntry& entry : entries_) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

const MountEntry* MountTable::containing(std::string_view path) const {
  const MountEntry* best = nullptr;
  for (const MountEntry& entry : entries_) {
    if (!path_within(path, entry.mount_point)) continue;
    if (best == nullptr || entry.mount_point.size() > best->mount_point.size()) best = &entry;
  }
  return best != nullptr ? at(best->mount_point) : nullptr;
}

std::vector<const MountEntry*> MountTable::below(std::string_view mount_point) const {
  std::vector<const MountEntry*> found;
  for (const MountEntry& entry : entries_) {
    if (entry.mount_point != mount_point && path_within(entry.mount_point, mount_point)) {
      found.push_back(&entry);
    }
  }
  const auto depth = [](const MountEntry* entry) {
    return std::count(entry->mount_point.begin(), entry->mount_point.end(), '/');
  };
  // Deeper paths first; on one path, the later mount (stacked on top) first.
  std::sort(found.begin(), found.end(), [&](const MountEntry* a, const MountEntry* b) {
    return depth(a) != depth(b) ? depth(a) > depth(b) : a > b;
  });
  return found;
}

}  // namespace hakit::storage
