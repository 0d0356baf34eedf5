#include "ocf/node_attribute.h"

#include <sys/utsname.h>

#include "exec/command.h"
#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::ocf {
namespace {

exec::Result run_tool(std::vector<std::string> argv, const exec::Deadline& deadline) {
  return exec::run(exec::Command{.argv = std::move(argv)}, deadline);
}

void require_success(const exec::Result& result, std::string_view what) {
  if (!result.ok()) {
    throw Error(ExitCode::kErrGeneric,
                cat(what, " failed (", result.describe(), "): ", result.first_error_line()));
  }
}

/// attrd_updater -Q prints `name="pingd" host="node1" value="1"`.
std::optional<std::string> quoted_field(std::string_view line, std::string_view field) {
  const std::string key = cat(field, "=\"");
  const auto start = line.find(key);
  if (start == std::string_view::npos) return std::nullopt;
  const auto value_start = start + key.size();
  const auto end = line.find('"', value_start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(line.substr(value_start, end - value_start));
}

}  // namespace

std::string host_name() {
  utsname names{};
  ::uname(&names);
  return names.nodename;
}

std::string local_node_name(const exec::Deadline& deadline) {
  const auto result = run_tool({"crm_node", "-n"}, deadline.capped(exec::Millis(5000)));
  const auto name = trim(result.out);
  return result.ok() && !name.empty() ? std::string(name) : host_name();
}

void update_node_attribute(const AttributeUpdate& update, const exec::Deadline& deadline) {
  std::vector<std::string> argv = {"attrd_updater", "-n", update.name,
                                   update.update_dampening ? "-B" : "-U", update.value};
  if (update.dampen) argv.insert(argv.end(), {"-d", *update.dampen});
  if (update.node) argv.insert(argv.end(), {"-N", *update.node});
  if (update.set) argv.insert(argv.end(), {"-s", *update.set});
  require_success(run_tool(std::move(argv), deadline), cat("setting node attribute ", update.name));
}

std::optional<std::string> query_node_attribute(const std::string& name,
                                                const exec::Deadline& deadline) {
  const auto result = run_tool({"attrd_updater", "-n", name, "-Q"}, deadline);
  if (!result.ok()) return std::nullopt;
  auto value = quoted_field(result.out, "value");
  if (value && value->empty()) return std::nullopt;
  return value;
}

void delete_node_attribute(const std::string& name, const exec::Deadline& deadline) {
  require_success(run_tool({"attrd_updater", "-n", name, "-D"}, deadline),
                  cat("deleting node attribute ", name));
}

void set_promotion_score(int score, const exec::Deadline& deadline) {
  require_success(
      run_tool({"crm_attribute", "--promotion", "-l", "reboot", "-v", cat(score)}, deadline),
      "setting the promotion score");
}

void clear_promotion_score(const exec::Deadline& deadline) {
  require_success(run_tool({"crm_attribute", "--promotion", "-l", "reboot", "-D"}, deadline),
                  "clearing the promotion score");
}

}  // namespace hakit::ocf
