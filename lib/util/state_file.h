// Small files an agent keeps between its actions (in HA_RSCTMP or a pidfile path): never
// read or written through a symbolic link, replaced atomically, readable by root only.
#pragma once

#include <string>
#include <string_view>

namespace hakit {

/// The whole file; false when it does not exist, is a symbolic link or cannot be read
/// (errno tells which).
bool read_state_file(const std::string& path, std::string& contents);
/// Writes `path`.new (mode 0600, O_EXCL|O_NOFOLLOW) and renames it over `path`, so a reader
/// sees the old or the new contents, never a mix. Empty on success, else the problem.
std::string write_state_file(const std::string& path, std::string_view contents);
/// Removes the file; true if it is gone.
bool remove_state_file(const std::string& path);

}  // namespace hakit
