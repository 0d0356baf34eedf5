#include "storage/dm_devices.h"

#include <dirent.h>

#include <memory>

#include "util/strings.h"

namespace hakit::storage {
namespace {

std::string sysfs_value(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) return "";
  return std::string(trim(text));
}

}  // namespace

std::optional<LvmDmName> split_lvm_dm_name(std::string_view name) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] != '-') {
      parts.back() += name[i];
    } else if (i + 1 < name.size() && name[i + 1] == '-') {
      parts.back() += '-';
      ++i;
    } else {
      parts.emplace_back();
    }
  }
  if (parts.size() < 2 || parts.size() > 3 || parts[0].empty() || parts[1].empty()) {
    return std::nullopt;
  }
  return LvmDmName{parts[0], parts[1], parts.size() == 3 ? parts[2] : ""};
}

std::string lvm_dm_name(std::string_view vg, std::string_view lv) {
  std::string name;
  for (const std::string_view part : {vg, lv}) {
    if (!name.empty()) name += '-';
    for (const char c : part) {
      name += c;
      if (c == '-') name += '-';
    }
  }
  return name;
}

std::vector<DmDevice> read_dm_devices(const std::string& sys_block) {
  std::vector<DmDevice> devices;
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(sys_block.c_str()), ::closedir);
  if (!dir) return devices;
  while (const dirent* entry = ::readdir(dir.get())) {
    const std::string kernel_name = entry->d_name;
    if (!kernel_name.starts_with("dm-")) continue;
    const std::string dm = cat(sys_block, "/", kernel_name, "/dm/");
    devices.push_back({kernel_name, sysfs_value(dm + "name"), sysfs_value(dm + "uuid"),
                       sysfs_value(dm + "suspended") == "1"});
  }
  return devices;
}

std::vector<DmDevice> active_lvm_devices(const std::vector<DmDevice>& devices, std::string_view vg,
                                         std::string_view lv) {
  std::vector<DmDevice> matching;
  for (const DmDevice& device : devices) {
    if (!device.uuid.starts_with("LVM-")) continue;
    const auto parts = split_lvm_dm_name(device.name);
    if (parts && parts->vg == vg && (lv.empty() || parts->lv == lv)) matching.push_back(device);
  }
  return matching;
}

}  // namespace hakit::storage
