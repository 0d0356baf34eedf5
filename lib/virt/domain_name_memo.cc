#include "virt/domain_name_memo.h"

#include "ocf/log.h"
#include "util/state_file.h"
#include "util/strings.h"

namespace hakit::virt {

std::string DomainNameMemo::identity(const struct stat& status) const {
  return cat(config_, '\n', status.st_dev, ' ', status.st_ino, ' ', status.st_size, ' ',
             status.st_mtim.tv_sec, '.', status.st_mtim.tv_nsec, ' ', status.st_ctim.tv_sec, '.',
             status.st_ctim.tv_nsec, '\n');
}

std::optional<std::string> DomainNameMemo::recall(const struct stat& status) const {
  std::string contents;
  if (!read_state_file(memo_, contents)) return std::nullopt;
  const std::string key = identity(status);
  if (!contents.starts_with(key) || !contents.ends_with('\n')) return std::nullopt;
  std::string name = contents.substr(key.size(), contents.size() - key.size() - 1);
  if (name.empty() || name.find('\n') != std::string::npos) return std::nullopt;
  return name;
}

void DomainNameMemo::remember(const struct stat& status, const std::string& name) const {
  if (name.find('\n') != std::string::npos) return;  // not a name a line can hold
  if (const std::string problem = write_state_file(memo_, cat(identity(status), name, '\n'));
      !problem.empty()) {
    ocf::log_debug(cat("domain name not remembered: ", problem));
  }
}

}  // namespace hakit::virt
