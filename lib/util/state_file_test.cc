#include "util/state_file.h"
#include "util/scratch_dir_for_tests.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <filesystem>
#include <fstream>

using namespace hakit;

namespace {

std::string contents_of(const std::string& path) {
  std::string text;
  REQUIRE(read_state_file(path, text));
  return text;
}

}  // namespace

TEST_CASE("state files are written atomically, readable by root only, and removed",
          "[util][state_file]") {
  const hakit::ScratchDir scratch("hakit-state-file-test");
  const std::filesystem::path& directory = scratch.path();
  const std::string path = directory / "state";

  std::string text;
  CHECK_FALSE(read_state_file(path, text));
  CHECK(errno == ENOENT);
  CHECK(write_state_file(path, "one\n").empty());
  CHECK(contents_of(path) == "one\n");
  std::ofstream(path + ".new") << "left by a crash";
  CHECK(write_state_file(path, "two\n").empty());
  CHECK(contents_of(path) == "two\n");
  CHECK_FALSE(std::filesystem::exists(path + ".new"));
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);

  CHECK(remove_state_file(path));
  CHECK(remove_state_file(path));  // already gone is fine
  CHECK_FALSE(write_state_file((directory / "missing" / "state").string(), "x").empty());
  std::filesystem::remove_all(directory);
}

TEST_CASE("state files are never read or written through a symbolic link", "[util][state_file]") {
  const hakit::ScratchDir scratch("hakit-state-file-link-test");
  const std::filesystem::path& directory = scratch.path();
  const std::string target = directory / "target", path = directory / "state";
  std::ofstream(target) << "precious\n";
  std::filesystem::create_symlink(target, path);

  std::string text;
  CHECK_FALSE(read_state_file(path, text));
  CHECK(errno == ELOOP);
  std::filesystem::create_symlink(target, path + ".new");  // planted for the write
  CHECK(write_state_file(path, "state\n").empty());
  CHECK(contents_of(target) == "precious\n");
  CHECK_FALSE(std::filesystem::is_symlink(path));
  CHECK(contents_of(path) == "state\n");
  std::filesystem::remove_all(directory);
}
