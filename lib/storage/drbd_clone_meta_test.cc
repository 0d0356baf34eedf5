#include "storage/drbd_clone_meta.h"

#include <catch2/catch.hpp>

#include "ocf/error.h"

using hakit::ocf::Environment;
using hakit::ocf::Error;
using hakit::ocf::ExitCode;
using hakit::storage::check_clone_meta;
using hakit::storage::check_notifications;
using hakit::storage::DrbdVersion;

namespace {

const DrbdVersion kDrbd84{8, 4, 11};
const DrbdVersion kDrbd9{9, 2, 0};

Environment meta(std::map<std::string, std::string, std::less<>> attributes) {
  Environment::Variables vars;
  for (const auto& [name, value] : attributes) vars["OCF_RESKEY_CRM_meta_" + name] = value;
  return Environment(vars);
}

ExitCode code_of(const Environment& env, const DrbdVersion& version) {
  try {
    check_clone_meta(env, version);
    return ExitCode::kSuccess;
  } catch (const Error& error) {
    return error.code();
  }
}

}  // namespace

TEST_CASE("a two-node promotable clone passes", "[drbd][clone]") {
  const auto env = meta({{"clone_max", "2"},
                         {"clone_node_max", "1"},
                         {"promoted_max", "1"},
                         {"promoted_node_max", "1"}});
  CHECK(check_clone_meta(env, kDrbd84).promoted_max == 1);
  // Pacemaker before 2.1 calls them master-*.
  CHECK(check_clone_meta(meta({{"clone_max", "2"}, {"master_max", "2"}}), kDrbd84).promoted_max ==
        2);
}

TEST_CASE("a wrong clone shape is a configuration error", "[drbd][clone]") {
  CHECK(code_of(meta({{"clone_max", "2"}, {"clone_node_max", "2"}}), kDrbd84) ==
        ExitCode::kErrConfigured);
  CHECK(code_of(meta({{"clone_max", "2"}, {"promoted_node_max", "2"}}), kDrbd84) ==
        ExitCode::kErrConfigured);
  CHECK(code_of(meta({{"clone_max", "2"}, {"master_node_max", "2"}}), kDrbd84) ==
        ExitCode::kErrConfigured);
  CHECK(code_of(meta({{"clone_max", "3"}, {"promoted_max", "3"}}), kDrbd9) ==
        ExitCode::kErrConfigured);
  CHECK(code_of(meta({{"clone_max", "two"}}), kDrbd84) == ExitCode::kErrConfigured);
}

TEST_CASE("clone-max is two with DRBD 8.4 or two primaries, free with DRBD 9", "[drbd][clone]") {
  CHECK(code_of(meta({{"clone_max", "3"}}), kDrbd84) == ExitCode::kErrConfigured);
  CHECK(code_of(meta({}), kDrbd84) == ExitCode::kErrConfigured);  // not a clone at all
  CHECK(code_of(meta({{"clone_max", "3"}}), kDrbd9) == ExitCode::kSuccess);
  CHECK(code_of(meta({{"clone_max", "3"}, {"promoted_max", "2"}}), kDrbd9) ==
        ExitCode::kErrConfigured);
}

TEST_CASE("notifications must be on unless ignored", "[drbd][clone]") {
  CHECK_NOTHROW(check_notifications(meta({{"notify", "true"}}), false));
  CHECK_NOTHROW(check_notifications(meta({{"notify_start_uname", "a b"}}), false));
  CHECK_NOTHROW(check_notifications(meta({}), true));
  CHECK_THROWS_AS(check_notifications(meta({}), false), Error);
  CHECK_THROWS_AS(check_notifications(meta({{"notify", "false"}}), false), Error);
}
