#include "storage/type_hooks.h"

namespace hakit::storage {

void TypeHooks::before_mount(const MountRequest&, const exec::Deadline&) const {}

void TypeHooks::after_unmount(const std::string&, const exec::Deadline&) const {}

const TypeHooks& hooks_for(const FilesystemType&) {
  static const TypeHooks kNoHooks;
  return kNoHooks;
}

}  // namespace hakit::storage
