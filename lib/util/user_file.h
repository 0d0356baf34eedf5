// A file the user owns and an agent writes back (VirtualDomain's save_config_on_stop):
// replaced atomically, and still the user's file afterwards.
#pragma once

#include <string>
#include <string_view>

namespace hakit {

/// Replaces the contents of `path` atomically (a new file beside it, renamed over it),
/// keeping what the user chose: a symbolic link stays a link and its target is what gets
/// replaced, and the file keeps its mode and owner (a 0600 file holding secrets stays 0600).
/// Empty on success, else the problem; on failure the file is as it was.
std::string rewrite_user_file(const std::string& path, std::string_view contents);

}  // namespace hakit
