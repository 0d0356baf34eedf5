// The mount table of this process's mount namespace, from /proc/self/mountinfo.
// Lookups are purely textual: nothing here touches a mounted filesystem, so a dead
// NFS server cannot block them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::storage {

/// One line of mountinfo (proc(5)), with the octal escapes (\040 etc.) decoded.
struct MountEntry {
  int id = 0;
  int parent_id = 0;
  unsigned major = 0;  ///< st_dev of files on this mount (the superblock's device)
  unsigned minor = 0;
  std::string root;         ///< the directory of the filesystem mounted here ("/" unless a bind)
  std::string mount_point;  ///< absolute, canonical
  std::string options;      ///< per-mount options (rw, nosuid, ...)
  std::string fstype;
  std::string source;  ///< "/dev/loop0", "server:/export", "tmpfs", ...
  std::string super_options;
};

class MountTable {
 public:
  /// Parses mountinfo text; malformed lines are skipped.
  static MountTable parse(std::string_view mountinfo);
  /// Reads /proc/self/mountinfo, re-reading until two reads agree so that a table that
  /// changes during the read is never half-seen. Throws ocf::Error(kErrGeneric).
  static MountTable read();

  const std::vector<MountEntry>& entries() const { return entries_; }
  /// The mount visible at `mount_point` (the top of a stack of mounts there), if any.
  const MountEntry* at(std::string_view mount_point) const;
  const MountEntry* by_id(int id) const;
  /// The mount a path belongs to: the longest mount point that is a prefix of it.
  const MountEntry* containing(std::string_view path) const;
  /// Mounts strictly below `mount_point`, deepest first (the order to unmount them in).
  std::vector<const MountEntry*> below(std::string_view mount_point) const;

 private:
  std::vector<MountEntry> entries_;
};

/// Decodes mountinfo's octal escapes: "a\040b" -> "a b".
std::string unescape_mount_field(std::string_view field);
/// Whether `path` is `dir` or inside it ("/mnt/a" is inside "/mnt", "/mnta" is not).
bool path_within(std::string_view path, std::string_view dir);

}  // namespace hakit::storage
