#include "virt/domain_name_memo.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "util/scratch_dir_for_tests.h"

namespace hakit::virt {
namespace {

struct stat status_of(const std::string& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status;
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::trunc) << text;
}

TEST_CASE("domain name memo: recalled while the config file is unchanged", "[virt]") {
  const ScratchDir scratch("hakit-name-memo-test");
  const std::string config = scratch.path() / "vm.xml";
  const std::string memo_path = scratch.path() / "memo";
  write(config, "<domain><name>vm1</name></domain>");
  const DomainNameMemo memo(memo_path, config);

  CHECK_FALSE(memo.recall(status_of(config)));  // nothing remembered yet
  memo.remember(status_of(config), "vm1");
  CHECK(memo.recall(status_of(config)) == "vm1");

  // Another config file path, even with the same identity, is not this memo's.
  CHECK_FALSE(DomainNameMemo(memo_path, scratch.path() / "other.xml").recall(status_of(config)));

  // Any change to the file (here the same size, so the times and the change time tell).
  ::usleep(10000);
  write(config, "<domain><name>vm2</name></domain>");
  CHECK_FALSE(memo.recall(status_of(config)));

  // Replaced by another file (a new inode), as an editor that saves by renaming does.
  memo.remember(status_of(config), "vm2");
  CHECK(memo.recall(status_of(config)) == "vm2");
  const std::string replacement = scratch.path() / "vm.xml.new";
  write(replacement, "<domain><name>vm3</name></domain>");
  REQUIRE(::rename(replacement.c_str(), config.c_str()) == 0);
  CHECK_FALSE(memo.recall(status_of(config)));
}

TEST_CASE("domain name memo: a memo that is not one is ignored", "[virt]") {
  const ScratchDir scratch("hakit-name-memo-test");
  const std::string config = scratch.path() / "vm.xml";
  const std::string memo_path = scratch.path() / "memo";
  write(config, "<domain><name>vm1</name></domain>");
  const DomainNameMemo memo(memo_path, config);

  memo.remember(status_of(config), "two\nlines");  // no name a line can hold: not kept
  CHECK_FALSE(memo.recall(status_of(config)));
  write(memo_path, "garbage");
  CHECK_FALSE(memo.recall(status_of(config)));
  // A symbolic link in its place is never followed (util/state_file).
  const std::string elsewhere = scratch.path() / "elsewhere";
  memo.remember(status_of(config), "vm1");
  REQUIRE(::rename(memo_path.c_str(), elsewhere.c_str()) == 0);
  REQUIRE(::symlink(elsewhere.c_str(), memo_path.c_str()) == 0);
  CHECK_FALSE(memo.recall(status_of(config)));
}

}  // namespace
}  // namespace hakit::virt
