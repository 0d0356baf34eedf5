#include <sys/mount.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "cluster.h"

namespace hakit::lab {

namespace {

constexpr const char* kProviderDir = "/usr/lib/ocf/resource.d/hakit";
constexpr const char* kCreated = "created";

}  // namespace

ProviderMount::ProviderMount(const std::string& build_agent_dir) : target_(kProviderDir) {
  created_ = std::filesystem::create_directory(target_);
  if (mount(build_agent_dir.c_str(), target_.c_str(), nullptr, MS_BIND, nullptr) != 0) {
    const int error = errno;
    if (created_) std::filesystem::remove(target_);
    throw std::system_error(error, std::generic_category(),
                            "bind mount " + build_agent_dir + " on " + target_);
  }
  record_.emplace("provider-mount", created_ ? kCreated : "");
}

ProviderMount::ProviderMount(Record record)
    : target_(kProviderDir), created_(record.value() == kCreated), record_(std::move(record)) {}

ProviderMount ProviderMount::adopt() { return ProviderMount(Record::adopt("provider-mount")); }

ProviderMount::~ProviderMount() {
  if (umount2(target_.c_str(), 0) != 0) umount2(target_.c_str(), MNT_DETACH);
  std::error_code ignored;
  if (created_) std::filesystem::remove(target_, ignored);
}

}  // namespace hakit::lab
