#include "storage/type_hooks.h"

#include "storage/cluster_filesystem.h"

namespace hakit::storage {
namespace {

class Ocfs2Hooks final : public TypeHooks {
 public:
  void before_mount(const MountRequest& request, bool as_clone,
                    const exec::Deadline& deadline) const override {
    prepare_ocfs2_mount(request, as_clone, deadline);
  }
};

class Gfs2Hooks final : public TypeHooks {
 public:
  void before_mount(const MountRequest& request, bool as_clone,
                    const exec::Deadline& deadline) const override {
    prepare_gfs2_mount(request, as_clone, deadline);
  }
};

}  // namespace

void TypeHooks::before_mount(const MountRequest&, bool, const exec::Deadline&) const {}

void TypeHooks::after_unmount(const std::string&, const exec::Deadline&) const {}

const TypeHooks& hooks_for(const FilesystemType& type) {
  static const TypeHooks kNoHooks;
  static const Ocfs2Hooks kOcfs2;
  static const Gfs2Hooks kGfs2;
  if (type.name == "ocfs2") return kOcfs2;
  if (type.name == "gfs2") return kGfs2;
  return kNoHooks;
}

}  // namespace hakit::storage
