#include "storage/dlm_state.h"

#include <catch2/catch.hpp>

#include "storage/file_tree_for_tests.h"
#include "storage/o2cb_agent.h"
#include "util/captures_for_tests.h"

using hakit::storage::dlm_comms_configured;
using hakit::storage::dlm_lockspace_names;
using hakit::storage::dlm_stateful_merge_wait;
using hakit::storage::dlm_waits_for_fencing;
using hakit::storage::kernel_lockspaces;
using hakit::storage::lists_user_stack;
using hakit::storage::testing::FileTree;
using hakit::testing::capture;

TEST_CASE("dlm_tool status -v shows a stateful merge wait", "[storage][dlm]") {
  CHECK(
      dlm_stateful_merge_wait("cluster nodeid 1 quorate 1 ring seq 8 8\n"
                              "daemon now 100 fence_pid 0 \nfence_in_progress=0 "
                              "stateful_merge_wait=1 \n"));
  CHECK_FALSE(dlm_stateful_merge_wait("stateful_merge_wait=0\n"));
  CHECK_FALSE(dlm_stateful_merge_wait(""));
}

TEST_CASE("dlm_tool ls of the guest's GFS2 lockspace", "[storage][dlm]") {
  const std::string ls = capture("dlm/guest-dlm_tool-ls.txt");
  CHECK(dlm_lockspace_names(ls) == std::vector<std::string>{"gfs"});
  CHECK_FALSE(dlm_waits_for_fencing(ls));
}

TEST_CASE("dlm_tool ls lists lockspaces and fencing waits", "[storage][dlm]") {
  // Shaped after dlm_tool's print_lockspace (a node failure cannot be staged in the guests).
  const char* ls =
      "dlm lockspaces\n"
      "name          lvm_global\n"
      "id            0x12aab1f7\n"
      "flags         0x00000000 \n"
      "change        member 2 joined 1 remove 0 failed 0 seq 1,1\n"
      "members       1 2 \n\n"
      "name          gfs\n"
      "id            0x3f1a2b00\n"
      "flags         0x00000004 kern_stop\n"
      "change        member 1 joined 0 remove 1 failed 1 seq 2,2\n"
      "new change    member 1 joined 0 remove 1 failed 1 seq 3,3\n"
      "new status    wait fencing\n";
  CHECK(dlm_lockspace_names(ls) == std::vector<std::string>{"lvm_global", "gfs"});
  CHECK(dlm_waits_for_fencing(ls));
  CHECK_FALSE(dlm_waits_for_fencing("dlm lockspaces\nname          gfs\n"));
  CHECK(dlm_lockspace_names("").empty());
}

TEST_CASE("the kernel's DLM state in configfs and sysfs", "[storage][dlm]") {
  FileTree tree;
  CHECK_FALSE(dlm_comms_configured(tree.root()));
  tree.file("dlm/cluster/comms/1/addr_list", "");
  CHECK_FALSE(dlm_comms_configured(tree.root()));
  tree.file("dlm/cluster/comms/2/addr_list", capture("dlm/guest-addr_list.txt"));
  CHECK(dlm_comms_configured(tree.root()));
  tree.directory("sysdlm/gfs");
  CHECK(kernel_lockspaces(tree.path("sysdlm")) == std::vector<std::string>{"gfs"});
  CHECK(kernel_lockspaces(tree.path("absent")).empty());
}

TEST_CASE("ocfs2 loaded_cluster_plugins names the user-space stack", "[storage][o2cb]") {
  CHECK(lists_user_stack(capture("ocfs2/guest-loaded_cluster_plugins.txt")));
  CHECK(lists_user_stack("o2cb\nuser\n"));
  CHECK_FALSE(lists_user_stack("o2cb\n"));
  CHECK_FALSE(lists_user_stack(""));
}
