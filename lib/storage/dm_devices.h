// Device-mapper devices as the kernel lists them in sysfs (/sys/block/dm-N/dm/{name,uuid,
// suspended}). An active logical volume IS a device-mapper device whose uuid starts with
// "LVM-" and whose name is the VG and LV names joined by '-' (with '-' inside either name
// doubled); deactivating the LV removes the device. Reading these files answers "is it
// active?" exactly as `dmsetup info -S vg_name=...` (the shell agent's monitor) does,
// without spawning a process or taking LVM's locks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hakit::storage {

struct DmDevice {
  std::string kernel_name;  ///< "dm-3"
  std::string name;         ///< "vg0-data"
  std::string uuid;         ///< "LVM-<vg uuid><lv uuid>[-layer]"
  bool suspended = false;
};

/// The parts of an LVM device-mapper name ("my--vg-lv-tpool" -> my-vg, lv, tpool).
struct LvmDmName {
  std::string vg;
  std::string lv;
  std::string layer;  ///< "" for the LV itself; "tpool", "real", "cow", ... for internals
};

/// Splits a device-mapper name on its single dashes; nullopt when it is not of LVM's form.
std::optional<LvmDmName> split_lvm_dm_name(std::string_view name);
/// The device-mapper name LVM gives `vg`/`lv`.
std::string lvm_dm_name(std::string_view vg, std::string_view lv);

/// Every device-mapper device under `sys_block` (sysfs' /sys/block).
std::vector<DmDevice> read_dm_devices(const std::string& sys_block = "/sys/block");

/// The active LVM devices of volume group `vg` (of `lv` only, when not empty).
std::vector<DmDevice> active_lvm_devices(const std::vector<DmDevice>& devices, std::string_view vg,
                                         std::string_view lv = "");

}  // namespace hakit::storage
