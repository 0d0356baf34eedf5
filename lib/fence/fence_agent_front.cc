#include "fence/fence_agent_front.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <set>

#include "fence/error.h"
#include "fence/logging.h"
#include "fence/power_action.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

std::string read_stdin() {
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

std::string flag_names(const OptionSpec& option) {
  return option.short_flag != 0 ? cat("-", option.short_flag, ",--", option.long_flag)
                                : cat("--", option.long_flag);
}

/// One flag per getopt string: a deprecated alias shares its option's flag, so current names
/// are registered first. CLI11 answers --help itself.
void add_flags(CLI::App& app, Options& options) {
  std::set<std::string_view> taken{"help"};
  for (const bool deprecated : {false, true}) {
    for (const OptionSpec& option : options.metadata().options) {
      if (option.deprecated != deprecated || !taken.insert(option.long_flag).second) continue;
      const std::string name(option.name);
      if (option.takes_value) {
        app.add_option_function<std::string>(
               flag_names(option), [&options, name](const std::string& v) { options.set(name, v); },
               std::string(option.shortdesc))
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
      } else {
        app.add_flag_function(
            flag_names(option),
            [&options, name](std::int64_t count) { options.set(name, count > 0 ? "1" : "0"); },
            std::string(option.shortdesc));
      }
    }
  }
  app.add_option_function<std::string>(
         "--nodename", [&options](const std::string& v) { options.set("nodename", v); },
         "The node being fenced, as Pacemaker names it")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

void print_line(const std::string& line) { std::printf("%s\n", line.c_str()); }

int perform(const DeviceSpec& spec, const Options& options, const std::string& action) {
  if (!spec.metadata.advertises(action)) {
    throw Error(ErrorKind::kUnsupported,
                cat("action '", action, "' is not supported by ", spec.metadata.name));
  }
  options.check_required();
  const std::unique_ptr<Device> device = spec.make(options);
  if (action == "validate-all") return exit_code::kOk;
  const exec::Deadline deadline = action_deadline(*device, options);
  const std::string separator = options.declares("separator") ? options.str("separator") : ",";
  if (action == "monitor") {
    device->check(deadline);
  } else if (action == "list") {
    for (const Plug& plug : device->list(deadline)) print_line(cat(plug.id, separator, plug.alias));
  } else if (action == "list-status") {
    for (const Plug& plug : device->list_status(deadline)) {
      print_line(cat(plug.id, separator, plug.alias, separator,
                     plug.state ? power_state_name(*plug.state) : "UNKNOWN"));
    }
  } else if (action == "status") {
    const PowerState state = device->status(action_target(*device, options), deadline);
    print_line(cat("Status: ", power_state_name(state)));
    return state == PowerState::kOn ? exit_code::kOk : exit_code::kStatusOff;
  } else if (const auto power = power_action_named(action); power) {
    const std::string target = action_target(*device, options);
    ocf::log_info(cat(action, " ", target, " (", options.describe(), ")"));
    print_line(switch_power(*device, options, *power, plugs_of(target, options), deadline));
  } else {
    throw Error(ErrorKind::kUnsupported, cat("unknown action '", action, "'"));
  }
  return exit_code::kOk;
}

}  // namespace

int run_fence_agent(const DeviceSpec& spec, int argc, char** argv) {
  Options options(spec.metadata);
  if (argc > 1) {
    CLI::App app(std::string(spec.metadata.shortdesc), std::string(spec.metadata.name));
    add_flags(app, options);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
      return app.exit(error) == 0 ? exit_code::kOk : exit_code::kBadArgs;
    }
  } else {
    options = Options::from_stdin(spec.metadata, read_stdin());
  }
  const std::string action = to_lower(options.declares("action") ? options.str("action") : "");
  if (action == "metadata") {
    std::fwrite(spec.metadata.xml.data(), 1, spec.metadata.xml.size(), stdout);
    return std::fflush(stdout) == 0 ? exit_code::kOk : exit_code::kGeneric;
  }
  start_logging(spec.metadata.name, options.nodename().value_or(""),
                options.declares("verbose") && options.flag("verbose"));
  for (const std::string& name : options.ignored()) {
    ocf::log_debug(cat("ignoring unknown option '", name, "'"));
  }
  try {
    return perform(spec, options, action);
  } catch (const Error& error) {
    ocf::log_error(cat(action, " failed (", describe(error.kind()), "): ", error.what()));
    return fence_agent_exit_code(error.kind(), action);
  } catch (const std::exception& error) {
    ocf::log_error(cat(action, " failed: internal error: ", error.what()));
    return exit_code::kGeneric;
  }
}

}  // namespace hakit::fence
