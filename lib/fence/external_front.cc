#include "fence/external_front.h"

#include <cstdio>
#include <cstdlib>

#include "fence/error.h"
#include "fence/logging.h"
#include "fence/power_action.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

void print_line(std::string_view line) { std::printf("%.*s\n", int(line.size()), line.data()); }

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view ocf_type(OptionType type) {
  switch (type) {
    case OptionType::kBoolean:
      return "boolean";
    case OptionType::kInteger:
      return "integer";
    default:
      return "string";
  }
}

/// The <parameters> block of getinfo-xml: the legacy names, described by the options they feed.
std::string parameters_xml(const DeviceSpec& spec) {
  std::string xml = "<parameters>\n";
  for (const LegacyParam& param : spec.legacy) {
    const OptionSpec* option = spec.metadata.canonical(param.option);
    if (option == nullptr) continue;
    const std::string_view fallback = option->has_default ? option->default_value : "";
    const std::string_view default_value =
        param.default_value.empty() ? fallback : param.default_value;
    xml += cat(R"(<parameter name=")", param.name, R"(" unique="0" required=")",
               param.required ? 1 : 0, "\">\n<content type=\"", ocf_type(option->type), "\"",
               default_value.empty() ? "" : cat(" default=\"", xml_escaped(default_value), "\""),
               " />\n<shortdesc lang=\"en\">", xml_escaped(option->shortdesc),
               "</shortdesc>\n<longdesc lang=\"en\">", xml_escaped(option->shortdesc), " (option ",
               option->name, " of ", spec.metadata.name, ")</longdesc>\n</parameter>\n");
  }
  return xml + "</parameters>";
}

/// The answer to an op that needs no device, or nullopt.
std::optional<std::string> information(const DeviceSpec& spec, std::string_view op) {
  if (op == "getconfignames") {
    std::vector<std::string> names;
    for (const LegacyParam& param : spec.legacy) {
      if (param.config_name) names.emplace_back(param.name);
    }
    return join(names, "\n");
  }
  // The LHA path shows devid as the agent's short description.
  if (op == "getinfo-devid") return std::string(spec.metadata.shortdesc);
  if (op == "getinfo-devname") return cat("external/hakit-", spec.device);
  if (op == "getinfo-devdescr") return std::string(spec.metadata.longdesc);
  if (op == "getinfo-devurl") return std::string(spec.metadata.vendor_url);
  if (op == "getinfo-xml") return parameters_xml(spec);
  return std::nullopt;
}

Options options_from_environment(const DeviceSpec& spec) {
  Options options(spec.metadata);
  for (const LegacyParam& param : spec.legacy) {
    if (const char* value = std::getenv(std::string(param.name).c_str())) {
      options.set(param.option, value);
    }
  }
  return options;
}

void perform(const DeviceSpec& spec, Options& options, const std::string& op,
             const std::string& host) {
  options.check_required();
  const std::unique_ptr<Device> device = spec.make(options);
  const exec::Deadline deadline = action_deadline(*device, options);
  if (op == "gethosts") {
    const std::vector<Plug> plugs = device->list(deadline);
    if (plugs.empty()) throw Error(ErrorKind::kBadConfig, "the device controls no hosts");
    // The hosts: a PDU's outlet "3" feeds host "web1", its alias.
    for (const Plug& plug : plugs) print_line(plug.alias.empty() ? plug.id : plug.alias);
  } else if (op == "status") {
    device->check(deadline);
  } else if (const auto power = power_action_named(op); power && op != "reboot") {
    if (host.empty()) throw Error(ErrorKind::kBadConfig, cat(op, " needs a host"));
    options.set("nodename", host);
    if (options.declares("plug")) options.set("plug", host);
    ocf::log_info(cat(op, " ", host, " (", options.describe(), ")"));
    print_line(switch_power(*device, options, *power, {host}, deadline));
  } else {
    throw Error(ErrorKind::kUnsupported, cat("unknown op '", op, "'"));
  }
}

}  // namespace

int run_external_plugin(const DeviceSpec& spec, int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s gethosts|on|off|reset|status|getconfignames|getinfo-* [host]\n",
                 argv[0]);
    return stonith_result_code(ErrorKind::kUnsupported);
  }
  const std::string op = argv[1];
  const std::string host = argc > 2 ? argv[2] : "";
  if (const auto answer = information(spec, op)) {
    print_line(*answer);
    return 0;
  }
  start_logging(cat("stonith/hakit-", spec.device), host, false);
  Options options = options_from_environment(spec);
  try {
    perform(spec, options, op, host);
    return 0;
  } catch (const Error& error) {
    ocf::log_error(cat(op, " failed (", describe(error.kind()), "): ", error.what()));
    return stonith_result_code(error.kind());
  } catch (const std::exception& error) {
    ocf::log_error(cat(op, " failed: internal error: ", error.what()));
    return stonith_result_code(ErrorKind::kFailed);
  }
}

}  // namespace hakit::fence
