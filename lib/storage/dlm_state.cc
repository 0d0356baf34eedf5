#include "storage/dlm_state.h"

#include <dirent.h>

#include <memory>

#include "exec/command.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

std::vector<std::string> entries_of(const std::string& path) {
  std::vector<std::string> names;
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()), ::closedir);
  if (!dir) return names;
  while (const dirent* entry = ::readdir(dir.get())) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  return names;
}

}  // namespace

bool dlm_stateful_merge_wait(std::string_view status_output) {
  for (const std::string& field : split(status_output, " \t\n")) {
    if (field == "stateful_merge_wait=1") return true;
  }
  return false;
}

bool dlm_waits_for_fencing(std::string_view ls_output) {
  return ls_output.find("wait fencing") != std::string_view::npos;
}

std::vector<std::string> dlm_lockspace_names(std::string_view ls_output) {
  std::vector<std::string> names;
  for (const std::string& line : split(ls_output, "\n")) {
    const std::vector<std::string> fields = split(line);
    if (fields.size() == 2 && fields[0] == "name") names.push_back(fields[1]);
  }
  return names;
}

bool dlm_comms_configured(const std::string& configfs) {
  const std::string comms = configfs + "/dlm/cluster/comms";
  for (const std::string& node : entries_of(comms)) {
    std::string addresses;
    if (read_file(cat(comms, "/", node, "/addr_list"), addresses) && !trim(addresses).empty()) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> kernel_lockspaces(const std::string& sys_dlm) {
  return entries_of(sys_dlm);
}

std::string dlm_tool(const std::vector<std::string>& args, const exec::Deadline& deadline) {
  std::vector<std::string> argv{"dlm_tool"};
  argv.insert(argv.end(), args.begin(), args.end());
  const exec::Result result = exec::run({.argv = argv}, deadline);
  return result.ok() ? result.out : std::string();
}

}  // namespace hakit::storage
