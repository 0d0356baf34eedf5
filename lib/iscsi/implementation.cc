#include "iscsi/implementation.h"

#include <array>
#include <string>

#include "exec/command.h"
#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {
namespace {

using ocf::Error;
using ocf::ExitCode;

struct Known {
  Implementation implementation;
  std::string_view name;
  std::string_view detected_by;  ///< the program whose presence selects it
};

// Detection order of the shell agents (iSCSITarget/iSCSILogicalUnit), kept so that a node
// with several stacks installed picks the same one under either.
constexpr std::array<Known, 4> kKnown = {{{Implementation::kIet, "iet", "ietadm"},
                                          {Implementation::kTgt, "tgt", "tgtadm"},
                                          {Implementation::kLio, "lio", "lio_node"},
                                          {Implementation::kLioT, "lio-t", "targetcli"}}};

}  // namespace

std::string_view implementation_name(Implementation implementation) {
  for (const Known& known : kKnown) {
    if (known.implementation == implementation) return known.name;
  }
  return "?";
}

Implementation choose_implementation(const ocf::Parameters& params) {
  if (params.is_set("implementation")) {
    const std::string& name = params.str("implementation");
    for (const Known& known : kKnown) {
      if (known.name == name) return known.implementation;
    }
    throw Error(ExitCode::kErrConfigured, cat("unsupported iSCSI target implementation \"", name,
                                              "\": set implementation to iet, tgt, lio or lio-t"));
  }
  for (const Known& known : kKnown) {
    if (exec::find_program(std::string(known.detected_by))) return known.implementation;
  }
  throw Error(ExitCode::kErrInstalled,
              "no iSCSI target implementation is installed (none of ietadm, tgtadm, lio_node, "
              "targetcli found)");
}

std::vector<std::string_view> management_programs(Implementation implementation) {
  switch (implementation) {
    case Implementation::kIet:
      return {"ietadm"};
    case Implementation::kTgt:
      return {"tgtadm"};
    case Implementation::kLio:
      return {"tcm_node", "lio_node"};
    case Implementation::kLioT:
      return {"targetcli"};
  }
  return {};
}

void require_management_programs(Implementation implementation) {
  for (const std::string_view program : management_programs(implementation)) {
    if (!exec::find_program(std::string(program))) {
      throw Error(ExitCode::kErrInstalled,
                  cat(program, " is not installed, which the ", implementation_name(implementation),
                      " implementation needs"));
    }
  }
}

}  // namespace hakit::iscsi
