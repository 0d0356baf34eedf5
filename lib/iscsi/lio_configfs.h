// What the kernel's LIO target has, read from configfs (/sys/kernel/config/target): the
// monitor's source for lio and lio-t (reads only, no targetcli), and the check after
// every change.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hakit::iscsi {

class LioConfigfs {
 public:
  explicit LioConfigfs(std::string root = "/sys/kernel/config/target") : root_(std::move(root)) {}

  /// The target exists and its portal group 1 is enabled.
  bool target_enabled(std::string_view iqn) const;
  /// The portal group has this portal ("address:port" directory under np/).
  bool has_portal(std::string_view iqn, std::string_view portal) const;

  struct Lun {
    std::string storage_object;  ///< core/<hba>/<name>, relative to the root
    std::string path;            ///< its udev_path: the device or file
  };
  /// LUN `lun` of the target's portal group 1 and the storage object it links to.
  std::optional<Lun> lun(std::string_view iqn, int lun) const;
  /// The storage object called `name` under any HBA (fileio_N, iblock_N, pscsi_N), as
  /// core/<hba>/<name>.
  std::optional<std::string> storage_object(std::string_view name) const;
  /// A file under the root ("core/iblock_0/lu1/wwn/product_id").
  std::string path_of(std::string_view relative) const {
    return root_ + "/" + std::string(relative);
  }

 private:
  std::string tpg(std::string_view iqn) const;
  std::string root_;
};

}  // namespace hakit::iscsi
