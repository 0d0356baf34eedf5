#include "iscsi/node_lock.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "ocf/error.h"
#include "ocf/resource_lock.h"
#include "util/strings.h"

namespace hakit::iscsi {

NodeLock::NodeLock(std::string_view name, const exec::Deadline& deadline) {
  const std::string dir = ocf::state_directory();
  ::mkdir(dir.c_str(), 0755);
  path_ = cat(dir, "/", name, ".lock");
  fd_.reset(ocf::lock_file(path_, deadline, name));
  if (!fd_.valid()) {
    throw ocf::Error(ocf::ExitCode::kErrGeneric,
                     cat("cannot lock ", path_, ": ", std::strerror(errno)));
  }
}

}  // namespace hakit::iscsi
