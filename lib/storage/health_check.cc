#include "storage/health_check.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

#include "ocf/error.h"
#include "storage/child_task.h"
#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::storage {
namespace {

constexpr size_t kBlockSize = 4096;
constexpr const char* kNotBlockDevice = "not a block device";

/// A block-aligned buffer, as O_DIRECT requires.
class AlignedBlock {
 public:
  AlignedBlock()
      : data_(static_cast<char*>(std::aligned_alloc(kBlockSize, kBlockSize)), &std::free) {
    if (!data_) throw std::bad_alloc();
    std::memset(data_.get(), 0, kBlockSize);
  }
  char* data() { return data_.get(); }

 private:
  std::unique_ptr<char, decltype(&std::free)> data_;
};

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(cat(what, ": ", std::strerror(errno)));
}

/// The exit reason of a check the child ran: `what` and how it went wrong.
ocf::Error check_failed(const std::string& what, const ChildOutcome& outcome) {
  return ocf::Error(ocf::ExitCode::kErrGeneric, outcome.status == ChildOutcome::Status::kTimedOut
                                                    ? cat(what, ": timed out, the I/O is hanging")
                                                    : cat(what, ": ", outcome.text));
}

std::string read_device_block(const std::string& device) {
  struct stat info {};
  if (::stat(device.c_str(), &info) != 0) fail("cannot stat");
  if (!S_ISBLK(info.st_mode)) return kNotBlockDevice;
  UniqueFd fd(::open(device.c_str(), O_RDONLY | O_DIRECT | O_CLOEXEC));
  if (!fd.valid()) fail("cannot open");
  AlignedBlock block;
  if (::pread(fd.get(), block.data(), kBlockSize, 0) < 0) fail("cannot read");
  return "";
}

/// The directory holding `path`, reached without following a symbolic link and created
/// (0755) where missing. The status file lives inside the mounted filesystem, where its
/// users could plant a link to make root overwrite a file elsewhere.
UniqueFd parent_without_symlinks(const std::string& path) {
  UniqueFd dir(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC));
  const std::vector<std::string> parts = split(path, "/");
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    const char* name = parts[i].c_str();
    constexpr int kFlags = O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    UniqueFd next(::openat(dir.get(), name, kFlags));
    if (!next.valid() && errno == ENOENT && ::mkdirat(dir.get(), name, 0755) == 0) {
      next.reset(::openat(dir.get(), name, kFlags));
    }
    if (!next.valid()) fail("cannot open a directory on the way (a symbolic link?)");
    dir = std::move(next);
  }
  return dir;
}

/// Opens the status file for O_DIRECT I/O, or without O_DIRECT where the filesystem does not
/// support it (tmpfs, some FUSE and network filesystems); never through a symbolic link.
UniqueFd open_direct(const std::string& path, int flags) {
  const UniqueFd dir = parent_without_symlinks(path);
  const std::string name = std::filesystem::path(path).filename();
  flags |= O_NOFOLLOW | O_CLOEXEC;
  UniqueFd fd(::openat(dir.get(), name.c_str(), flags | O_DIRECT, 0644));
  if (!fd.valid() && errno == EINVAL) fd.reset(::openat(dir.get(), name.c_str(), flags, 0644));
  if (!fd.valid()) fail("cannot open");
  return fd;
}

std::string write_and_read_back(const std::string& path, const std::string& content) {
  AlignedBlock written;
  content.copy(written.data(), std::min(content.size(), kBlockSize));
  {
    UniqueFd fd = open_direct(path, O_WRONLY | O_CREAT | O_TRUNC | O_SYNC);
    if (::pwrite(fd.get(), written.data(), kBlockSize, 0) != ssize_t(kBlockSize)) {
      fail("cannot write");
    }
  }
  AlignedBlock read;
  UniqueFd fd = open_direct(path, O_RDONLY);
  if (::pread(fd.get(), read.data(), kBlockSize, 0) != ssize_t(kBlockSize)) {
    fail("cannot read back");
  }
  if (std::memcmp(written.data(), read.data(), kBlockSize) != 0) {
    throw std::runtime_error("read back different data");
  }
  return "";
}

}  // namespace

bool check_device_readable(const std::string& device, const exec::Deadline& deadline) {
  const ChildOutcome outcome = run_in_child([&] { return read_device_block(device); }, deadline);
  if (!outcome.succeeded()) throw check_failed("Failed to read device " + device, outcome);
  return outcome.text != kNotBlockDevice;
}

void check_status_file(const std::string& path, const std::string& content,
                       const exec::Deadline& deadline) {
  const ChildOutcome outcome =
      run_in_child([&] { return write_and_read_back(path, content); }, deadline);
  if (!outcome.succeeded()) throw check_failed("Failed to check status file " + path, outcome);
}

bool remove_status_file(const std::string& path, const exec::Deadline& deadline) {
  const ChildOutcome outcome = run_in_child(
      [&] {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT) fail("cannot remove");
        return std::string();
      },
      deadline);
  return outcome.succeeded();
}

}  // namespace hakit::storage
