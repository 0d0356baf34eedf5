// Machine-wide notes of what the lab holds right now, one file per resource under
// /run/hakit-lab/: the owning process and what to undo. A note whose owner has died
// marks the leftovers of a crashed test, which `hakit-lab cleanup` undoes.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace hakit::lab {

class Record {
 public:
  /// Writes the note `name` (e.g. "cluster", "loop3") holding `value`, owned by this process.
  Record(std::string name, const std::string& value);
  /// Takes over the note `name` left by an earlier process (value empty if there is none).
  static Record adopt(std::string name);
  /// Removes the note unless it was released.
  ~Record();
  Record(Record&&) noexcept;
  Record(const Record&) = delete;
  Record& operator=(const Record&) = delete;

  const std::string& name() const { return name_; }
  const std::string& value() const { return value_; }
  /// Leaves the note behind with no owner: the resource outlives this process on
  /// purpose (the hakit-lab CLI), so it is never taken for a leftover.
  void release();

  struct Entry {
    std::string name;
    pid_t owner;
    std::string value;
  };
  /// Notes whose owner process no longer exists.
  static std::vector<Entry> stale();

 private:
  Record(std::string name, std::string value, pid_t owner);
  void write(pid_t owner) const;
  std::string name_;
  std::string value_;
  bool owned_ = true;
};

}  // namespace hakit::lab
