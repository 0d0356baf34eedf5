#include "iscsi/targetcli.h"

#include <charconv>

#include "exec/command.h"
#include "iscsi/node_lock.h"
#include "ocf/error.h"
#include "ocf/resource_lock.h"
#include "util/strings.h"

namespace hakit::iscsi {

std::vector<std::string> targetcli_errors(std::string_view stderr_text) {
  std::vector<std::string> errors;
  for (const std::string& line : split(stderr_text, "\n")) {
    const std::string_view text = trim(line);
    if (!text.empty()) errors.emplace_back(text);
  }
  return errors;
}

std::string run_targetcli(const std::vector<std::string>& commands, std::string_view what,
                          const exec::Deadline& deadline, const std::vector<std::string>& secrets) {
  const NodeLock lock("targetcli", deadline);
  std::string script = "set global auto_save_on_exit=false\n";
  for (const std::string& command : commands) script += command + "\n";
  const exec::Result result =
      exec::run({.argv = {"targetcli"},
                 .env = {{"TARGETCLI_HOME", ocf::state_directory() + "/hakit-targetcli"}},
                 .input = script},
                deadline);
  if (result.exit_status == 127) {
    throw ocf::Error(ocf::ExitCode::kErrInstalled, "targetcli is not installed (targetcli-fb)");
  }
  const auto errors = targetcli_errors(result.err);
  if (!result.ok() || !errors.empty()) {
    const std::string reason = errors.empty() ? result.describe() : errors.front();
    throw ocf::Error(ocf::ExitCode::kErrGeneric,
                     // targetcli echoes "Parameter password is now '...'".
                     mask_secrets(cat(what, " failed: ", reason), secrets));
  }
  return result.out;
}

std::vector<TargetcliLun> parse_targetcli_luns(std::string_view listing) {
  std::vector<TargetcliLun> luns;
  for (const std::string& line : split(listing, "\n")) {
    // "  o- lun1 ..... [fileio/lu1 (/tmp/lu1.img) (default_tg_pt_gp)]"
    const size_t node = line.find("o- lun");
    const size_t open = line.find('[');
    if (node == std::string::npos || open == std::string::npos || !line.ends_with(']')) continue;
    const size_t number_start = node + 6;
    const size_t number_end = line.find(' ', number_start);
    if (number_end == std::string::npos) continue;  // "o- lun7]": no number then dots
    TargetcliLun lun;
    const auto [end, error] =
        std::from_chars(line.data() + number_start, line.data() + number_end, lun.lun);
    if (error != std::errc() || end != line.data() + number_end) continue;
    const std::string_view details =
        std::string_view(line).substr(open + 1, line.size() - open - 2);
    // "type/name (path) ...": anything else is not a LUN this agent made.
    const size_t slash = details.find('/');
    const size_t path_open = details.find(" (");
    if (slash == std::string_view::npos || path_open == std::string_view::npos ||
        slash > path_open) {
      continue;
    }
    const size_t path_close = details.find(')', path_open);
    if (path_close == std::string_view::npos) continue;
    lun.backstore_type = details.substr(0, slash);
    lun.backstore_name = details.substr(slash + 1, path_open - slash - 1);
    lun.path = details.substr(path_open + 2, path_close - path_open - 2);
    luns.push_back(lun);
  }
  return luns;
}

}  // namespace hakit::iscsi
