// /proc/self/mountinfo: the table the Filesystem agent trusts to tell what is mounted.
#include "fuzz_input.h"
#include "storage/mount_point.h"
#include "storage/mount_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto table = hakit::storage::MountTable::parse(hakit::fuzz::text(data, size));
  for (const auto& entry : table.entries()) {
    table.at(entry.mount_point);
    table.by_id(entry.parent_id);
    table.containing(entry.mount_point + "/x");
    table.below(entry.mount_point);
    hakit::storage::path_within(entry.root, entry.mount_point);
  }
  return 0;
}
