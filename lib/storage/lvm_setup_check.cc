#include "storage/lvm_setup_check.h"

#include "ocf/error.h"
#include "storage/lvm_tools.h"
#include "storage/process_table.h"
#include "util/strings.h"

namespace hakit::storage {
namespace {

using ocf::Error;
using ocf::ExitCode;

void require_config(const std::string& node, const std::string& expected,
                    const exec::Deadline& deadline) {
  const auto value = lvm_config_value(node, deadline);
  if (value != expected) {
    throw Error(ExitCode::kErrArgs, cat("lvm.conf: ", node, " must be ", expected, " (it is ",
                                        value ? *value : "unset", ")"));
  }
}

void require_daemons(std::string_view needed, std::string_view conflicting) {
  if (!is_running(needed)) throw Error(ExitCode::kErrGeneric, cat(needed, " is not running"));
  if (is_running(conflicting)) {
    throw Error(ExitCode::kErrGeneric, cat(conflicting, " is running: ", needed, " and ",
                                           conflicting, " exclude each other"));
  }
}

}  // namespace

bool volume_list_bypasses_tag(const std::string& volume_list, const std::string& vg,
                              const std::string& tag) {
  // lvmconfig prints a one-element list as a plain string: volume_list="@x".
  for (const std::string& item : split(volume_list, "[], \t")) {
    std::string_view entry = item;
    if (entry.size() >= 2 && entry.front() == '"' && entry.back() == '"') {
      entry = entry.substr(1, entry.size() - 2);
    }
    if (entry == "@" + tag || entry == vg) return true;
  }
  return false;
}

void check_access_mode_setup(const LvmTarget& target, const ActivationPolicy& policy,
                             const exec::Deadline& deadline) {
  switch (policy.access) {
    case VgAccessMode::kLvmlockd:
      require_config("global/use_lvmlockd", "1", deadline);
      require_daemons("lvmlockd", "clvmd");
      return;
    case VgAccessMode::kClvmd:
      require_daemons("clvmd", "lvmlockd");
      return;
    case VgAccessMode::kSystemId: {
      const auto source = lvm_config_value("global/system_id_source", deadline);
      if (!source || source->empty() || *source == "none") {
        throw Error(ExitCode::kErrArgs,
                    "lvm.conf: global/system_id_source must be set (uname, lvmlocal, file, ...) "
                    "for vg_access_mode=system_id");
      }
      if (local_system_id(deadline).empty()) {
        throw Error(
            ExitCode::kErrArgs,
            cat("this node has no LVM system ID (system_id_source=", *source, " gives none)"));
      }
      return;
    }
    case VgAccessMode::kTagging: {
      const auto volume_list = lvm_config_value("activation/volume_list", deadline);
      if (!volume_list) {
        throw Error(ExitCode::kErrArgs,
                    "lvm.conf: activation/volume_list must be set (e.g. to the local root VG) "
                    "for vg_access_mode=tagging, or every node activates the VG at boot");
      }
      if (volume_list_bypasses_tag(*volume_list, target.vg, policy.tag)) {
        throw Error(ExitCode::kErrArgs, cat("lvm.conf: activation/volume_list must not contain \"@",
                                            policy.tag, "\" or \"", target.vg, "\""));
      }
      return;
    }
    case VgAccessMode::kLocal:
      return;
  }
}

}  // namespace hakit::storage
