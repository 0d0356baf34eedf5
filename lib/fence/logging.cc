#include "fence/logging.h"

#include "ocf/environment.h"
#include "ocf/log.h"
#include "ocf/trace.h"

extern char** environ;

namespace hakit::fence {

void start_logging(std::string_view tag, std::string_view target, bool verbose) {
  ocf::Environment::Variables vars;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const size_t equals = text.find('=');
    if (equals != std::string_view::npos)
      vars.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  vars.try_emplace("HA_LOGFACILITY", "daemon");
  if (verbose) vars.insert_or_assign("HA_debug", "1");
  vars.insert_or_assign("OCF_RESOURCE_INSTANCE", target.empty() ? "-" : std::string(target));
  const ocf::Environment env(std::move(vars));
  ocf::configure_logging(tag, env);
  ocf::start_tracing(tag, env, "fence");
}

}  // namespace hakit::fence
