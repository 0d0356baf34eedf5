// A loop device over a sparse image file, optionally with a fresh filesystem.
#pragma once

#include <string>

namespace hakit::lab {

class LoopDevice {
 public:
  /// Creates `image_path` of `size_mb` MiB, attaches it (losetup -f --show) and, unless
  /// `fstype` is empty, runs mkfs.<fstype> on it (label `label` if given).
  LoopDevice(const std::string& image_path, int size_mb, const std::string& fstype,
             const std::string& label = "");
  /// Unmounts anything still mounted from the device, detaches it and deletes the image.
  ~LoopDevice();
  LoopDevice(const LoopDevice&) = delete;
  LoopDevice& operator=(const LoopDevice&) = delete;

  const std::string& device() const { return device_; }  ///< "/dev/loopN"
  /// The filesystem UUID (blkid), empty when there is no filesystem.
  std::string uuid() const;

 private:
  std::string image_;
  std::string device_;
};

/// Whether `directory` is a mount point right now (from /proc/self/mountinfo).
bool is_mounted(const std::string& directory);

}  // namespace hakit::lab
