#include "net/pingd_state.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ocf/error.h"
#include "util/scratch_dir_for_tests.h"

using hakit::exec::Millis;
using hakit::net::dampening_changed;
using hakit::net::PingdState;

TEST_CASE("the state round-trips through its file format", "[net][pingd_state]") {
  const PingdState state{Millis(5000), {"10.0.0.1", "gw"}};
  CHECK(state.serialize() == "dampen_ms=5000\nunreachable=10.0.0.1 gw\n");
  CHECK(PingdState::parse(state.serialize()) == state);
  const PingdState fresh{};
  CHECK(fresh.serialize() == "unreachable=\n");
  CHECK(PingdState::parse(fresh.serialize()) == fresh);
}

TEST_CASE("an empty or foreign state file is a fresh start", "[net][pingd_state]") {
  CHECK(PingdState::parse("") == PingdState{});
  CHECK(PingdState::parse("12345\n") == PingdState{});  // a pid, as some tools write
  CHECK(PingdState::parse("dampen_ms=5s\nother=1\n") == PingdState{});
}

TEST_CASE("dampen changes: attrd is told the dampening at start and when it changed",
          "[net][pingd_state]") {
  PingdState state;
  CHECK(dampening_changed(state, Millis(5000)));  // start: nothing applied yet
  state.applied_dampen = Millis(5000);
  CHECK_FALSE(dampening_changed(state, Millis(5000)));  // monitor: -U keeps it
  CHECK(dampening_changed(state, Millis(10000)));       // reload with a new dampen: -B
  CHECK(dampening_changed(state, Millis(0)));           // dampening switched off
  state = PingdState::parse(PingdState{Millis(10000), {}}.serialize());
  CHECK_FALSE(dampening_changed(state, Millis(10000)));  // remembered across monitors
}

TEST_CASE("the state file is saved atomically, loaded and removed", "[net][pingd_state]") {
  const hakit::ScratchDir scratch("hakit-pingd-state-test");
  const std::filesystem::path& directory = scratch.path();
  const std::string path = directory / "pingd-pingd";

  CHECK_FALSE(PingdState::load(path));  // not started
  const PingdState state{Millis(2000), {"::1"}};
  state.save(path);
  CHECK(PingdState::load(path) == state);
  CHECK_FALSE(std::filesystem::exists(path + ".new"));
  std::ofstream(path) << "";
  CHECK(PingdState::load(path) == PingdState{});  // touched by hand: started, fresh
  CHECK(PingdState::remove(path));
  CHECK(PingdState::remove(path));  // already gone is fine
  CHECK_FALSE(PingdState::load(path));

  CHECK_THROWS_AS(state.save((directory / "missing" / "state").string()), hakit::ocf::Error);
  std::filesystem::remove_all(directory);
}

// pidfile may be in a shared directory (/tmp): a link planted at the temporary name must not
// make root write through it.
TEST_CASE("saving the state never writes through a planted link", "[net][pingd_state]") {
  const hakit::ScratchDir scratch("hakit-pingd-link-test");
  const std::filesystem::path& directory = scratch.path();
  const std::string path = directory / "pingd-pingd";
  const std::string victim = directory / "victim";
  std::ofstream(victim) << "precious\n";
  std::filesystem::create_symlink(victim, path + ".new");

  const PingdState state{Millis(2000), {"10.0.0.1"}};
  state.save(path);
  CHECK(PingdState::load(path) == state);
  std::stringstream kept;
  kept << std::ifstream(victim).rdbuf();
  CHECK(kept.str() == "precious\n");
  CHECK(std::filesystem::is_regular_file(std::filesystem::symlink_status(path)));
  std::filesystem::remove_all(directory);
}
