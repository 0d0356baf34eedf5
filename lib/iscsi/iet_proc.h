// What the IET kernel module reports in /proc/net/iet/volume (targets and their LUNs)
// and /proc/net/iet/session (sessions and connections), in its seq_printf format:
//   tid:1 name:iqn.2024-01.com.example:disk1
//   	lun:0 state:0 iotype:fileio iomode:wt blocks:131072 blocksize:512 path:/srv/disk1
//   	sid:562950490292736 initiator:iqn.1993-08.org.debian:01:abc
//   		cid:0 ip:192.0.2.10 state:active hd:none dd:none
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hakit::iscsi {

struct IetLun {
  int lun = 0;
  std::string iotype;
  std::string path;
};

struct IetConnection {
  std::string session;     ///< sid, as printed (64-bit)
  std::string connection;  ///< cid
};

struct IetTarget {
  int tid = 0;
  std::string name;
  std::vector<IetLun> luns;                ///< from the volume file
  std::vector<IetConnection> connections;  ///< from the session file
};

/// Parses /proc/net/iet/volume, or /proc/net/iet/session (its targets carry connections).
std::vector<IetTarget> parse_iet_proc(std::string_view text);

/// The target called `name` (case-insensitively), or nullptr.
const IetTarget* find_iet_target(const std::vector<IetTarget>& targets, std::string_view name);

}  // namespace hakit::iscsi
