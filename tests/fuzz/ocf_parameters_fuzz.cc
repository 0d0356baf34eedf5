// OCF_RESKEY_* typing: an environment as Pacemaker passes it (NAME=VALUE lines; the first
// line picks the agent), through Parameters and each agent's configuration, which parse
// device specs, signal lists, host lists, ping options and durations.
#include <string>

#include "fuzz_input.h"
#include "metadata/Filesystem.h"
#include "metadata/pingd.h"
#include "net/pingd_config.h"
#include "ocf/environment.h"
#include "ocf/error.h"
#include "ocf/parameters.h"
#include "storage/filesystem_config.h"

using hakit::ocf::Environment;
using hakit::ocf::Parameters;

namespace {

Environment environment_of(std::string_view text) {
  Environment::Variables variables;
  while (!text.empty()) {
    const std::string_view line = hakit::fuzz::take_line(text);
    const auto eq = line.find('=');
    if (eq != std::string_view::npos) {
      variables.emplace(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
    }
  }
  return Environment(std::move(variables));
}

void read_environment(const Environment& env) {
  try {
    env.check_level();
  } catch (const hakit::ocf::Error&) {
  }
  env.parameter_names();
  env.resource_instance();
  env.timeout();
  env.interval();
  env.is_clone();
  env.clone_instance();
  env.notify_type();
  env.notify_list("active_uname");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = hakit::fuzz::text(data, size);
  const bool pingd = hakit::fuzz::take_line(input) == "pingd";
  const Environment env = environment_of(input);
  read_environment(env);
  try {
    if (pingd) {
      const Parameters params(hakit::metadata::pingd, env);
      hakit::net::PingdConfig::from(params, env);
    } else {
      const Parameters params(hakit::metadata::Filesystem, env);
      const auto config = hakit::storage::FilesystemConfig::from(params);
      config.wants_fsck();
      config.status_file("/mnt", env);
    }
  } catch (const hakit::ocf::Error&) {
  }
  return 0;
}
