// The domain name a VirtualDomain config file declares, remembered in a state file beside the
// file's identity (device, inode, size, modification and change times), so that a monitor need
// not parse the XML: loading the parser (libxml2) would be nine tenths of the monitor's cost.
// A config file that changed in any way, or another file, is read again.
#pragma once

#include <sys/stat.h>

#include <optional>
#include <string>

namespace hakit::virt {

class DomainNameMemo {
 public:
  /// `memo` is the state file (in HA_RSCTMP), `config` the domain XML file's path.
  DomainNameMemo(std::string memo, std::string config)
      : memo_(std::move(memo)), config_(std::move(config)) {}

  /// The name remembered for the config file as `status` describes it now.
  std::optional<std::string> recall(const struct stat& status) const;
  /// Remembers `name` for the config file as it was when read (`status`). A memo that cannot
  /// be written only costs the next monitor a parse.
  void remember(const struct stat& status, const std::string& name) const;

 private:
  std::string identity(const struct stat& status) const;
  std::string memo_;
  std::string config_;
};

}  // namespace hakit::virt
