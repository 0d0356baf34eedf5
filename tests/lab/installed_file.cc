#include "installed_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "util/strings.h"
#include "util/unique_fd.h"

namespace hakit::lab {

namespace {

constexpr std::string_view kRecordPrefix = "installed-";

/// "/usr/sbin/fence_x" -> "installed-usr_sbin_fence_x": one note per destination.
std::string record_name(const std::string& destination) {
  std::string name(kRecordPrefix);
  for (char c : destination.substr(1)) name += c == '/' ? '_' : c;
  return name;
}

[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

}  // namespace

InstalledFile::InstalledFile(const std::string& source, const std::string& destination, mode_t mode)
    : path_(destination) {
  std::string contents;
  if (!read_file(source, contents)) fail("read " + source);
  // O_EXCL: never replace a file that is already there.
  UniqueFd out(::open(destination.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (!out.valid()) fail("install " + destination);
  record_.emplace(record_name(destination), destination);
  if (::write(out.get(), contents.data(), contents.size()) != ssize_t(contents.size()) ||
      ::fchmod(out.get(), mode) != 0) {
    const int error = errno;
    ::unlink(destination.c_str());
    errno = error;
    fail("install " + destination);
  }
}

InstalledFile::InstalledFile(Record record) : path_(record.value()), record_(std::move(record)) {}

InstalledFile InstalledFile::adopt(const std::string& record_name) {
  return InstalledFile(Record::adopt(record_name));
}

bool InstalledFile::is_record(const std::string& record_name) {
  return record_name.starts_with(kRecordPrefix);
}

InstalledFile::~InstalledFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace hakit::lab
