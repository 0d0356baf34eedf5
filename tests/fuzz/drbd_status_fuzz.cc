// DRBD's state as the drbd agent reads it: `drbdsetup events2 --now --statistics` and DRBD
// 8.4's /proc/drbd (and the version it starts with). The first line names the resource and its
// minors ("r0 0 1").
#include <charconv>
#include <string>
#include <vector>

#include "fuzz_input.h"
#include "storage/drbd_events2.h"
#include "storage/drbd_proc.h"
#include "storage/drbd_state.h"
#include "storage/drbd_version.h"
#include "util/strings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view output = hakit::fuzz::text(data, size);
  const std::vector<std::string> header = hakit::split(hakit::fuzz::take_line(output));
  const std::string resource = header.empty() ? "r0" : header.front();
  std::vector<int> minors;
  for (size_t i = 1; i < header.size() && i < 8; ++i) {
    int minor = 0;
    std::from_chars(header[i].data(), header[i].data() + header[i].size(), minor);
    minors.push_back(minor);
  }
  const auto state = hakit::storage::parse_events2(output, resource);
  hakit::storage::assess(state);
  hakit::storage::describe(state);
  hakit::storage::parse_proc_drbd_version(output);
  if (const auto proc = hakit::storage::parse_proc_drbd(output, minors)) {
    hakit::storage::assess(*proc);
    hakit::storage::describe(*proc);
  }
  return 0;
}
