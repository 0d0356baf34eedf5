#include "util/user_file.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "util/scratch_dir_for_tests.h"
#include "util/strings.h"

using namespace hakit;

namespace {

mode_t mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

}  // namespace

TEST_CASE("a user's file is rewritten in place of its link target, keeping its mode",
          "[util][user_file]") {
  const ScratchDir scratch("hakit-user-file-test");
  const std::filesystem::path& directory = scratch.path();
  const std::string file = directory / "vm.xml";
  const std::string link = directory / "vm-link.xml";
  std::ofstream(file) << "old";
  REQUIRE(::chmod(file.c_str(), 0600) == 0);
  std::filesystem::create_symlink(file, link);

  CHECK(rewrite_user_file(link, "new").empty());
  CHECK(std::filesystem::is_symlink(link));
  std::string text;
  REQUIRE(read_file(file, text));
  CHECK(text == "new");
  CHECK(mode_of(file) == 0600);
  CHECK_FALSE(std::filesystem::exists(file + ".hakit-new"));

  CHECK_FALSE(rewrite_user_file(directory / "absent.xml", "x").empty());
  CHECK_FALSE(std::filesystem::exists(directory / "absent.xml"));
}
