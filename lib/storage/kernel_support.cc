#include "storage/kernel_support.h"

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

constexpr const char* kProcFilesystems = "/proc/filesystems";
// A module may show up in /proc/filesystems shortly after modprobe returns.
constexpr int kChecksAfterModprobe = 5;
constexpr exec::Millis kRecheckPause{200};

bool kernel_lists(std::string_view kernel_name) {
  std::string text;
  return read_file(kProcFilesystems, text) && lists_filesystem(text, kernel_name);
}

}  // namespace

bool lists_filesystem(std::string_view proc_filesystems, std::string_view kernel_name) {
  for (const std::string& line : split(proc_filesystems, "\n")) {
    const std::vector<std::string> fields = split(line);
    if (!fields.empty() && fields.back() == kernel_name) return true;
  }
  return false;
}

void require_filesystem_support(const FilesystemType& type, const exec::Deadline& deadline) {
  if (type.kernel_name.empty() || kernel_lists(type.kernel_name)) return;
  if (exec::find_program("mount." + type.name)) {
    ocf::log_info(cat(type.name, " is mounted by its helper mount.", type.name));
    return;
  }
  const exec::Result loaded = exec::run({.argv = {"modprobe", type.kernel_name}}, deadline);
  if (!loaded.ok()) {
    throw ocf::Error(ocf::ExitCode::kErrInstalled,
                     cat("Couldn't find filesystem ", type.kernel_name,
                         " in /proc/filesystems and failed to load kernel module"));
  }
  for (int check = 0; check < kChecksAfterModprobe && !deadline.expired(); ++check) {
    if (kernel_lists(type.kernel_name)) return;
    exec::sleep_for(kRecheckPause);
  }
  throw ocf::Error(ocf::ExitCode::kErrInstalled,
                   cat("Couldn't find filesystem ", type.kernel_name, " in /proc/filesystems"));
}

}  // namespace hakit::storage
