// A loop device over a sparse image file, optionally with a fresh filesystem.
#pragma once

#include <optional>
#include <string>

#include "lab_record.h"

namespace hakit::lab {

class LoopDevice {
 public:
  /// Creates `image_path` of `size_mb` MiB, attaches it (losetup -f --show) and, unless
  /// `fstype` is empty, runs mkfs.<fstype> on it (label `label` if given).
  LoopDevice(const std::string& image_path, int size_mb, const std::string& fstype,
             const std::string& label = "");
  /// Takes over `device` ("/dev/loopN") that the lab attached earlier (hakit-lab CLI,
  /// cleanup); its image is known from the lab's record.
  static LoopDevice adopt(const std::string& device);
  /// Unmounts anything still mounted from the device, detaches it and deletes the image.
  ~LoopDevice();
  LoopDevice(const LoopDevice&) = delete;
  LoopDevice& operator=(const LoopDevice&) = delete;

  const std::string& device() const { return device_; }  ///< "/dev/loopN"
  /// The filesystem UUID (blkid), empty when there is no filesystem.
  std::string uuid() const;
  /// Leaves the device attached and forgets it: it outlives this object (hakit-lab CLI).
  void release();

 private:
  LoopDevice(std::string image, std::string device, Record record);
  void detach() noexcept;
  std::string image_;
  std::string device_;
  std::optional<Record> record_;
};

/// Whether `directory` is a mount point right now (from /proc/self/mountinfo).
bool is_mounted(const std::string& directory);

}  // namespace hakit::lab
