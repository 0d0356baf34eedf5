// What Pacemaker's fencer remembers: lets the meatware device accept the cluster's own
// manual confirmation (`stonith_admin --confirm NODE`) as the operator's answer, so that
// a request the operator settled that way ends at once instead of failing later.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "exec/deadline.h"

namespace hakit::fence {

/// Whether `history_xml` (`stonith_admin --history NODE --verbose --output-as xml`) holds a
/// successful manual confirmation ("a human") for `node` completed at or after `since`.
bool has_manual_confirmation(std::string_view history_xml, std::string_view node,
                             std::chrono::system_clock::time_point since);

/// Asks the fencer (stonith_admin, within `deadline`); false when it cannot be asked.
bool manually_confirmed(const std::string& node, std::chrono::system_clock::time_point since,
                        const exec::Deadline& deadline);

}  // namespace hakit::fence
