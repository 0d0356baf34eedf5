// The cluster-daemon and cluster-filesystem tools' reports, as controld, o2cb and
// Filesystem read them: `dlm_tool status -v` and `dlm_tool ls`, `mounted.ocfs2 -d`,
// `tunegfs2 -l`, /sys/fs/ocfs2/loaded_cluster_plugins. Each reader gets every input: none
// may trust that the text is the one it asked for.
#include "fuzz_input.h"
#include "storage/cluster_filesystem.h"
#include "storage/dlm_state.h"
#include "storage/o2cb_agent.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view output = hakit::fuzz::text(data, size);
  hakit::storage::dlm_stateful_merge_wait(output);
  hakit::storage::dlm_waits_for_fencing(output);
  hakit::storage::dlm_lockspace_names(output);
  hakit::storage::parse_mounted_ocfs2(output);
  hakit::storage::parse_gfs2_lock_protocol(output);
  hakit::storage::lockproto_option(output);
  hakit::storage::lists_user_stack(output);
  return 0;
}
