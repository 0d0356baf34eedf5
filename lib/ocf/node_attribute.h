// Node attributes and CIB access through Pacemaker's own tools, wrapped once. A monitor
// that writes the same value again and again: see ocf/attrd_memo.h, which skips what
// attrd holds already.
#pragma once

#include <optional>
#include <string>

#include "exec/deadline.h"

namespace hakit::ocf {

/// This node's name as Pacemaker knows it (crm_node -n), falling back to uname -n.
std::string local_node_name(const exec::Deadline& deadline);
/// uname(2) nodename: no process spawned.
std::string host_name();

struct AttributeUpdate {
  std::string name{};
  std::string value{};
  std::optional<std::string> dampen{};  ///< attrd_updater -d, e.g. "5s"
  std::optional<std::string> node{};    ///< default: the local node
  /// -B instead of -U: also give an existing attribute this dampening. -U keeps the old one,
  /// and in Pacemaker 2.1.5 and 2.1.6 (pacemaker PR #3166) ignores -d even on creation.
  bool update_dampening = false;
  std::optional<std::string> set{};  ///< attrd_updater -s: the instance_attributes set
};

/// attrd_updater -n NAME -U|-B VALUE [-d DAMPEN] [-N NODE] [-s SET]. Throws Error(kErrGeneric)
/// on failure.
void update_node_attribute(const AttributeUpdate& update, const exec::Deadline& deadline);
/// attrd_updater -n NAME -Q; nullopt when the attribute is not set.
std::optional<std::string> query_node_attribute(const std::string& name,
                                                const exec::Deadline& deadline);
/// attrd_updater -n NAME -D.
void delete_node_attribute(const std::string& name, const exec::Deadline& deadline);
/// crm_attribute -l reboot --promotion -v SCORE (the promotion score of this instance).
void set_promotion_score(int score, const exec::Deadline& deadline);
/// crm_attribute -l reboot --promotion -D.
void clear_promotion_score(const exec::Deadline& deadline);

}  // namespace hakit::ocf
