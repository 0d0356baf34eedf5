#include "loop_device.h"

#include <sys/mount.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "run_checked.h"
#include "storage/mount_table.h"
#include "util/strings.h"

namespace hakit::lab {

namespace {

std::string record_name(const std::string& device) {
  return std::filesystem::path(device).filename().string();
}

}  // namespace

LoopDevice::LoopDevice(const std::string& image_path, int size_mb, const std::string& fstype,
                       const std::string& label)
    : image_(image_path) {
  std::ofstream(image_path, std::ios::trunc).close();
  try {
    std::filesystem::resize_file(image_path, static_cast<std::uintmax_t>(size_mb) << 20);
    device_ = std::string(trim(run_checked({"losetup", "-f", "--show", image_path})));
    record_.emplace(record_name(device_), image_);
    if (fstype.empty()) return;
    std::vector<std::string> mkfs = {"mkfs." + fstype, "-q"};
    if (!label.empty()) mkfs.insert(mkfs.end(), {"-L", label});
    mkfs.push_back(device_);
    run_checked(mkfs);
  } catch (...) {
    detach();  // the destructor does not run when the constructor throws
    throw;
  }
}

LoopDevice::LoopDevice(std::string image, std::string device, Record record)
    : image_(std::move(image)), device_(std::move(device)), record_(std::move(record)) {}

LoopDevice LoopDevice::adopt(const std::string& device) {
  auto record = Record::adopt(record_name(device));
  std::string image = record.value();
  return LoopDevice(std::move(image), device, std::move(record));
}

LoopDevice::~LoopDevice() {
  if (record_) detach();
}

void LoopDevice::release() {
  record_->release();
  record_.reset();
}

std::string LoopDevice::uuid() const {
  return std::string(trim(run_checked({"blkid", "-p", "-s", "UUID", "-o", "value", device_})));
}

void LoopDevice::detach() noexcept {
  try {
    const auto mounts = storage::MountTable::read().entries();
    for (auto mount = mounts.rbegin(); mount != mounts.rend(); ++mount) {  // innermost first
      if (mount->source != device_) continue;
      const char* target = mount->mount_point.c_str();
      if (umount2(target, 0) != 0) umount2(target, MNT_DETACH);
    }
    if (!device_.empty()) run_checked({"losetup", "-d", device_});
  } catch (const std::exception& error) {
    std::cerr << "hakit-lab: detaching " << device_ << ": " << error.what() << "\n";
  }
  std::error_code ignored;
  if (!image_.empty()) std::filesystem::remove(image_, ignored);
  record_.reset();
}

bool is_mounted(const std::string& directory) {
  std::error_code error;
  const auto path = std::filesystem::weakly_canonical(directory, error);
  if (error) return false;
  return storage::MountTable::read().at(path.string()) != nullptr;
}

}  // namespace hakit::lab
