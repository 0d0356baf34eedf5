#include "iscsi/lio_configfs.h"

#include <filesystem>
#include <system_error>

#include "util/strings.h"

namespace hakit::iscsi {
namespace {

namespace fs = std::filesystem;

std::string first_line(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) return {};
  return std::string(trim(text.substr(0, text.find('\n'))));
}

}  // namespace

std::string LioConfigfs::tpg(std::string_view iqn) const {
  // LIO keeps iSCSI names in lower case, as RFC 3722 folds them.
  return cat(root_, "/iscsi/", to_lower(iqn), "/tpgt_1");
}

bool LioConfigfs::target_enabled(std::string_view iqn) const {
  return first_line(tpg(iqn) + "/enable") == "1";
}

bool LioConfigfs::has_portal(std::string_view iqn, std::string_view portal) const {
  std::error_code error;
  return fs::is_directory(cat(tpg(iqn), "/np/", portal), error);
}

std::optional<LioConfigfs::Lun> LioConfigfs::lun(std::string_view iqn, int lun) const {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(cat(tpg(iqn), "/lun/lun_", lun), error)) {
    if (!entry.is_symlink(error)) continue;
    // The link's target is ../../../../../../target/core/<hba>/<name>.
    const fs::path storage = fs::weakly_canonical(entry.path(), error);
    const fs::path core = fs::weakly_canonical(root_ + "/core", error);
    const std::string relative = fs::relative(storage, core.parent_path(), error).string();
    if (error || !relative.starts_with("core/")) continue;
    return Lun{relative, first_line(storage.string() + "/udev_path")};
  }
  return std::nullopt;
}

std::optional<std::string> LioConfigfs::storage_object(std::string_view name) const {
  std::error_code error;
  for (const auto& hba : fs::directory_iterator(root_ + "/core", error)) {
    if (fs::is_directory(hba.path() / name, error)) {
      return cat("core/", hba.path().filename().string(), "/", name);
    }
  }
  return std::nullopt;
}

}  // namespace hakit::iscsi
