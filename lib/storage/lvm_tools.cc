#include "storage/lvm_tools.h"

#include <stdexcept>

#include "exec/command.h"
#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

// vgs/lvs exit 5 for "Volume group not found" (and for other failures).
constexpr int kLvmFailed = 5;

exec::Result run_tool(const std::vector<std::string>& argv, const exec::Deadline& deadline) {
  // The agent's own inherited descriptors are not LVM's business; keep its warning quiet.
  return exec::run({argv, {{"LVM_SUPPRESS_FD_WARNINGS", "1"}}}, deadline);
}

[[noreturn]] void fail(const std::vector<std::string>& argv, const exec::Result& result) {
  throw Error(ExitCode::kErrGeneric, cat(join(argv, " "), " failed (", result.describe(),
                                         "): ", result.first_error_line()));
}

template <typename Parsed, typename Parser>
Parsed parse_report(const std::vector<std::string>& argv, const exec::Result& result,
                    Parser parser) {
  try {
    return parser(result.out);
  } catch (const std::exception& error) {
    throw Error(ExitCode::kErrGeneric, cat(join(argv, " "), ": ", error.what()));
  }
}

}  // namespace

std::optional<VolumeGroupInfo> query_volume_group(const std::string& vg,
                                                  const exec::Deadline& deadline) {
  const std::vector<std::string> argv{
      "vgs", "--foreign", "--reportformat", "json", "-o", std::string(kVgsFields), "--", vg};
  const exec::Result result = run_tool(argv, deadline);
  if (result.exit_status == kLvmFailed && result.err.find("not found") != std::string::npos) {
    return std::nullopt;
  }
  if (!result.ok()) fail(argv, result);
  const auto groups = parse_report<std::vector<VolumeGroupInfo>>(argv, result, parse_vgs_report);
  for (const VolumeGroupInfo& group : groups) {
    if (group.name == vg) return group;
  }
  return std::nullopt;
}

std::vector<LogicalVolumeInfo> query_logical_volumes(const std::string& vg,
                                                     const exec::Deadline& deadline) {
  const std::vector<std::string> argv{
      "lvs", "--foreign", "--reportformat", "json", "-o", std::string(kLvsFields), "--", vg};
  const exec::Result result = run_tool(argv, deadline);
  if (!result.ok()) fail(argv, result);
  return parse_report<std::vector<LogicalVolumeInfo>>(argv, result, parse_lvs_report);
}

std::string local_system_id(const exec::Deadline& deadline) {
  const std::vector<std::string> argv{"lvm", "systemid"};
  const exec::Result result = run_tool(argv, deadline);
  if (!result.ok()) fail(argv, result);
  return parse_system_id(result.out);
}

std::optional<std::string> lvm_config_value(const std::string& node,
                                            const exec::Deadline& deadline) {
  const std::vector<std::string> argv{"lvmconfig", node};
  const exec::Result result = run_tool(argv, deadline);
  if (result.exit_status == kLvmFailed) return std::nullopt;  // "Configuration node ... not found"
  if (!result.ok()) fail(argv, result);
  return parse_config_value(result.out);
}

void run_lvm(const std::vector<std::string>& argv, const exec::Deadline& deadline) {
  ocf::log_info(cat("Running ", join(argv, " ")));
  const exec::Result result = run_tool(argv, deadline);
  if (!result.ok()) fail(argv, result);
}

std::string parse_system_id(std::string_view output) {
  const size_t colon = output.find("system ID:");
  if (colon == std::string_view::npos) return "";
  const std::string_view rest = output.substr(colon + 10);
  return std::string(trim(rest.substr(0, rest.find('\n'))));
}

std::string parse_config_value(std::string_view output) {
  const std::string_view line = trim(output.substr(0, output.find('\n')));
  const size_t equals = line.find('=');
  std::string_view value = equals == std::string_view::npos ? line : line.substr(equals + 1);
  value = trim(value);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

}  // namespace hakit::storage
