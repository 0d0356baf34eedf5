#include "iscsi/checked_integer.h"

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::iscsi {

std::optional<int> integer_in_range(const ocf::Parameters& params, std::string_view name, int min,
                                    int max) {
  if (!params.is_set(name)) return std::nullopt;
  const long long value = params.integer(name);
  if (value < min || value > max) {
    throw ocf::Error(ocf::ExitCode::kErrConfigured,
                     cat(name, " is ", value, " but must be from ", min, " to ", max));
  }
  return int(value);
}

}  // namespace hakit::iscsi
