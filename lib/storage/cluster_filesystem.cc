#include "storage/cluster_filesystem.h"

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/cluster_daemon.h"
#include "storage/process_table.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

std::string tool_output(const std::vector<std::string>& argv, const exec::Deadline& deadline) {
  const exec::Result result = exec::run({.argv = argv}, deadline);
  if (!result.ok()) {
    throw Error(ExitCode::kErrGeneric, cat(join(argv, " "), " failed (", result.describe(),
                                           "): ", result.first_error_line()));
  }
  return result.out;
}

/// The text under header column `name` of `line`, whose columns start where the header's do.
std::string column(std::string_view header, std::string_view line, std::string_view name,
                   std::string_view next) {
  const size_t start = header.find(name);
  const size_t end = header.find(next, start);
  if (start == std::string_view::npos || start >= line.size()) return "";
  return std::string(trim(line.substr(start, end == std::string_view::npos ? end : end - start)));
}

void require_dlm(std::string_view what) {
  if (!is_running("dlm_controld")) {
    throw Error(ExitCode::kErrGeneric,
                cat(what,
                    " needs dlm_controld, which is not running: order the filesystem after "
                    "the dlm (ocf:hakit:controld) clone"));
  }
}

}  // namespace

std::optional<Ocfs2Stack> parse_mounted_ocfs2(std::string_view output) {
  const std::vector<std::string> lines = split(output, "\n");
  if (lines.size() < 2 || !lines[0].starts_with("Device")) return std::nullopt;
  const std::string stack = column(lines[0], lines[1], "Stack", "Cluster");
  if (stack.empty()) return std::nullopt;
  return Ocfs2Stack{stack, column(lines[0], lines[1], "Cluster", " F ")};
}

std::string parse_gfs2_lock_protocol(std::string_view output) {
  for (const std::string& line : split(output, "\n")) {
    if (line.starts_with("Lock protocol:")) return std::string(trim(line.substr(14)));
  }
  return "";
}

std::string lockproto_option(std::string_view options) {
  for (const std::string& option : split(options, ",")) {
    if (option.starts_with("lockproto=")) return option.substr(10);
  }
  return "";
}

void prepare_ocfs2_mount(const MountRequest& request, bool as_clone,
                         const exec::Deadline& deadline) {
  const auto found =
      parse_mounted_ocfs2(tool_output({"mounted.ocfs2", "-d", request.source}, deadline));
  if (!found) {
    throw Error(ExitCode::kErrGeneric, cat(request.source, " holds no OCFS2 filesystem"));
  }
  if (found->stack == "None") {
    if (as_clone) {
      throw Error(ExitCode::kErrConfigured,
                  cat("OCFS2 on ", request.source,
                      " was made for one node (mkfs.ocfs2 -M local): it cannot be a clone"));
    }
    return;
  }
  if (found->stack == "o2cb") {
    if (!path_exists("/sys/kernel/config/cluster/" + found->cluster)) {
      throw Error(
          ExitCode::kErrGeneric,
          cat("OCFS2 on ", request.source, " uses the o2cb stack, whose cluster '", found->cluster,
              "' is not online (o2cb register-cluster ", found->cluster, ")"));
    }
    return;
  }
  require_dlm(cat("OCFS2 on ", request.source, " (stack ", found->stack, ")"));
}

void prepare_gfs2_mount(const MountRequest& request, bool as_clone,
                        const exec::Deadline& deadline) {
  std::string protocol = lockproto_option(request.options);
  if (protocol.empty()) {
    protocol = parse_gfs2_lock_protocol(tool_output({"tunegfs2", "-l", request.source}, deadline));
  }
  if (protocol == "lock_nolock") {
    if (as_clone) {
      throw Error(ExitCode::kErrConfigured,
                  cat("GFS2 on ", request.source,
                      " uses lock_nolock (one node only): it cannot be a clone; use lock_dlm"));
    }
    return;
  }
  require_dlm(cat("GFS2 on ", request.source, " (", protocol, ")"));
}

}  // namespace hakit::storage
