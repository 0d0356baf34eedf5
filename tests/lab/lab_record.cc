#include "lab_record.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace hakit::lab {

namespace {

const std::filesystem::path kRecordDir = "/run/hakit-lab";

bool process_exists(pid_t pid) { return kill(pid, 0) == 0 || errno == EPERM; }

// A note is "<owner pid> <value>" on one line; owner 0 means released.
bool read_note(const std::filesystem::path& path, pid_t& owner, std::string& value) {
  std::ifstream in(path);
  if (!(in >> owner)) return false;
  in.get();
  std::getline(in, value);
  return true;
}

}  // namespace

Record::Record(std::string name, std::string value, pid_t owner)
    : name_(std::move(name)), value_(std::move(value)) {
  write(owner);
}

Record::Record(std::string name, const std::string& value)
    : Record(std::move(name), value, getpid()) {}

Record Record::adopt(std::string name) {
  pid_t previous_owner = 0;
  std::string value;
  read_note(kRecordDir / name, previous_owner, value);
  return Record(std::move(name), std::move(value), getpid());
}

Record::~Record() {
  if (!owned_) return;
  std::error_code error;
  std::filesystem::remove(kRecordDir / name_, error);
}

Record::Record(Record&& other) noexcept
    : name_(std::move(other.name_)), value_(std::move(other.value_)), owned_(other.owned_) {
  other.owned_ = false;
}

void Record::release() {
  write(0);
  owned_ = false;
}

void Record::write(pid_t owner) const {
  std::filesystem::create_directories(kRecordDir);
  const auto path = kRecordDir / name_;
  std::ofstream out(path, std::ios::trunc);
  out << owner << ' ' << value_ << '\n';
  if (!out.flush()) throw std::system_error(errno, std::generic_category(), path.string());
}

std::vector<Record::Entry> Record::stale() {
  std::vector<Entry> entries;
  std::error_code error;
  for (const auto& file : std::filesystem::directory_iterator(kRecordDir, error)) {
    Entry entry{file.path().filename().string(), 0, ""};
    if (!read_note(file.path(), entry.owner, entry.value)) continue;
    if (entry.owner != 0 && !process_exists(entry.owner)) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace hakit::lab
