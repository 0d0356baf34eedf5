#include "fence/error.h"

#include <catch2/catch.hpp>

using namespace hakit::fence;

TEST_CASE("status fails with 1 whatever went wrong: 2 would read as off", "[fence][error]") {
  for (const ErrorKind kind : {ErrorKind::kBadConfig, ErrorKind::kAccess, ErrorKind::kUnreachable,
                               ErrorKind::kUnknownTarget, ErrorKind::kFailed, ErrorKind::kTimeout,
                               ErrorKind::kUnsupported}) {
    CHECK(fence_agent_exit_code(kind, "status") == 1);
  }
}

TEST_CASE("fence-agent exit codes follow fencing.py", "[fence][error]") {
  CHECK(fence_agent_exit_code(ErrorKind::kBadConfig, "off") == 2);
  CHECK(fence_agent_exit_code(ErrorKind::kAccess, "off") == 3);
  CHECK(fence_agent_exit_code(ErrorKind::kUnreachable, "monitor") == 4);
  CHECK(fence_agent_exit_code(ErrorKind::kTimeout, "monitor") == 5);
  CHECK(fence_agent_exit_code(ErrorKind::kTimeout, "on") == 6);
  CHECK(fence_agent_exit_code(ErrorKind::kTimeout, "off") == 7);
  CHECK(fence_agent_exit_code(ErrorKind::kTimeout, "reboot") == 7);
  CHECK(fence_agent_exit_code(ErrorKind::kFailed, "reboot") == 1);
  CHECK(fence_agent_exit_code(ErrorKind::kUnsupported, "list") == 1);
}

TEST_CASE("external plugins exit with cluster-glue's S_* codes", "[fence][error]") {
  CHECK(stonith_result_code(ErrorKind::kBadConfig) == 1);
  CHECK(stonith_result_code(ErrorKind::kAccess) == 2);
  CHECK(stonith_result_code(ErrorKind::kUnsupported) == 3);
  CHECK(stonith_result_code(ErrorKind::kUnknownTarget) == 4);
  CHECK(stonith_result_code(ErrorKind::kFailed) == 5);
  CHECK(stonith_result_code(ErrorKind::kTimeout) == 6);
  CHECK(stonith_result_code(ErrorKind::kUnreachable) == 8);
}
