// A file installed into the system for one test: a fence agent in /usr/sbin, a plugin in
// /usr/lib/stonith/plugins/external, where Pacemaker and cluster-glue look for them.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "lab_record.h"

namespace hakit::lab {

class InstalledFile {
 public:
  /// Copies `source` to `destination` with `mode` (exactly: no umask). Throws, changing
  /// nothing, when `destination` already exists: a file the lab did not install is never
  /// replaced, nor removed.
  InstalledFile(const std::string& source, const std::string& destination, mode_t mode = 0755);
  /// Takes over the file recorded as `record_name` by a crashed test (cleanup).
  static InstalledFile adopt(const std::string& record_name);
  /// Removes the file.
  ~InstalledFile();
  InstalledFile(const InstalledFile&) = delete;
  InstalledFile& operator=(const InstalledFile&) = delete;

  const std::string& path() const { return path_; }

  /// Whether `record_name` is the name of an InstalledFile's record.
  static bool is_record(const std::string& record_name);

 private:
  explicit InstalledFile(Record record);
  std::string path_;
  std::optional<Record> record_;
};

}  // namespace hakit::lab
