#include "storage/mount_command.h"

#include <filesystem>

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "storage/mount_table.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

constexpr int kFsckUncorrectedErrors = 4;

std::string failure(const exec::Result& result) {
  const std::string line = result.first_error_line();
  return line.empty() ? result.describe() : cat(result.describe(), ": ", line);
}

void create_mount_point(const std::string& mount_point) {
  std::error_code error;
  std::filesystem::create_directories(mount_point, error);
  if (!std::filesystem::is_directory(mount_point, error)) {
    throw Error(ExitCode::kErrInstalled,
                cat("Couldn't create directory ", mount_point, " to use as a mount point"));
  }
}

}  // namespace

void check_filesystem(const std::string& fstype, const std::string& device,
                      const exec::Deadline& deadline) {
  ocf::log_info(cat("Starting filesystem check on ", device));
  const exec::Result result = exec::run({.argv = {"fsck", "-t", fstype, "-p", device}}, deadline);
  if (result.timed_out || result.exit_status < 0 || result.exit_status >= kFsckUncorrectedErrors) {
    throw Error(ExitCode::kErrGeneric, cat("Couldn't successfully fsck filesystem for ", device,
                                           " (", failure(result), ")"));
  }
}

void mount_filesystem(const MountRequest& request, const exec::Deadline& deadline) {
  create_mount_point(request.mount_point);
  std::vector<std::string> argv{"mount", "-t", request.fstype};
  if (!request.options.empty()) argv.insert(argv.end(), {"-o", request.options});
  argv.insert(argv.end(), {request.source, request.mount_point});
  ocf::log_info(cat("mounting ", request.source, " on ", request.mount_point));

  const exec::Result result = exec::run({.argv = argv}, deadline);
  if (!result.ok()) {
    throw Error(ExitCode::kErrGeneric, cat("Couldn't mount device [", request.source, "] as ",
                                           request.mount_point, " (", failure(result), ")"));
  }
  if (MountTable::read().at(request.mount_point) == nullptr) {
    throw Error(ExitCode::kErrGeneric, cat("mount reported success but ", request.mount_point,
                                           " is not in /proc/self/mountinfo"));
  }
}

}  // namespace hakit::storage
