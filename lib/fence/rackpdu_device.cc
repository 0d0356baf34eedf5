#include "fence/rackpdu_device.h"

#include "fence/error.h"
#include "fence/null_device.h"
#include "fence/snmp_options.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::fence {
namespace {

/// How long a password script may take while the options are read.
constexpr exec::Millis kScriptTime = std::chrono::seconds(60);

std::string numbers_text(const std::vector<unsigned long>& numbers) {
  std::vector<std::string> parts;
  for (const unsigned long number : numbers) parts.push_back(std::to_string(number));
  return join(parts, ",");
}

}  // namespace

RackPdu::RackPdu(const Options& options)
    : config_(snmp_session_config(options, exec::Deadline::in(kScriptTime))),
      forced_table_(apc::table_named(options.str("outlet_table"))) {
  if (const std::string hostlist = to_lower(trim(options.str("hostlist")));
      !hostlist.empty() && hostlist != "auto") {
    hostlist_ = host_list(options);
  }
  if (options.is_set("outlet_config")) {
    outlet_config_ = read_outlet_config(options.str("outlet_config"));
  }
  if (options.is_set("names_oid"))
    names_oid_ = snmp::parse_oid(options.str("names_oid"), "names_oid");
  if (options.is_set("oid")) command_oid_ = snmp::parse_oid(options.str("oid"), "oid");
}

Capabilities RackPdu::capabilities() const { return {.list = true}; }

snmp::Session& RackPdu::session(const exec::Deadline& deadline) {
  if (!session_) session_.emplace(config_, deadline);
  return *session_;
}

const apc::OutletTable& RackPdu::table(const exec::Deadline& deadline) {
  if (table_) return *table_;
  if (forced_table_) {
    table_ = *forced_table_;
  } else {
    const snmp::Value id = session(deadline).get({apc::sys_object_id()}, deadline).front();
    table_ = apc::table_for(id.object);
    ocf::log_debug(cat(session(deadline).name(), " has sysObjectID ", snmp::to_string(id.object),
                       ": using the ", table_->name, " outlet table"));
  }
  if (names_oid_) table_->names = *names_oid_;
  if (command_oid_) table_->commands = *command_oid_;
  return *table_;
}

std::vector<Outlet> RackPdu::walk_outlets(const exec::Deadline& deadline) {
  const snmp::Oid& column = table(deadline).names;
  std::vector<Outlet> outlets;
  for (const snmp::VarBind& row : session(deadline).walk(column, deadline)) {
    if (row.oid.size() != column.size() + 1 || row.value.type != snmp::Value::Type::kString) {
      continue;
    }
    outlets.push_back({row.oid.back(), row.value.text});
  }
  return outlets;
}

const std::vector<unsigned long>& RackPdu::outlets_of(const std::string& plug,
                                                      const exec::Deadline& deadline) {
  if (const auto found = resolved_.find(plug); found != resolved_.end()) return found->second;
  std::vector<unsigned long> numbers;
  if (const auto number = outlet_number(plug)) {
    numbers = {*number};  // its existence shows when its state is read
  } else if (outlet_config_) {
    numbers = outlets_named(*outlet_config_, plug);
  } else {
    numbers = outlets_named(walk_outlets(deadline), plug);
  }
  if (numbers.empty()) {
    throw Error(ErrorKind::kUnknownTarget,
                outlet_config_ ? cat("outlet_config names no outlet for '", plug, "'")
                               : cat("no outlet of ", session(deadline).name(), " is named '", plug,
                                     "' (names must match exactly)"));
  }
  return resolved_.emplace(plug, std::move(numbers)).first->second;
}

std::vector<Plug> RackPdu::list(const exec::Deadline& deadline) {
  std::vector<Plug> plugs;
  if (hostlist_) {
    for (const std::string& host : *hostlist_) plugs.push_back({.id = host, .alias = host});
    return plugs;
  }
  for (const Outlet& outlet : outlet_config_ ? *outlet_config_ : walk_outlets(deadline)) {
    plugs.push_back({.id = std::to_string(outlet.number), .alias = outlet.name});
  }
  return plugs;
}

std::vector<Plug> RackPdu::list_status(const exec::Deadline& deadline) {
  if (hostlist_ || outlet_config_) return Device::list_status(deadline);
  // Two walks instead of one request per outlet.
  std::vector<Plug> plugs = list(deadline);
  const snmp::Oid& column = table(deadline).states;
  std::map<unsigned long, PowerState> states;
  for (const snmp::VarBind& row : session(deadline).walk(column, deadline)) {
    const auto state = row.value.type == snmp::Value::Type::kInteger
                           ? apc::decode_state(row.value.integer)
                           : std::nullopt;
    if (row.oid.size() == column.size() + 1 && state) states[row.oid.back()] = *state;
  }
  for (Plug& plug : plugs) {
    if (const auto found = states.find(std::stoul(plug.id)); found != states.end()) {
      plug.state = found->second;
    }
  }
  return plugs;
}

PowerState RackPdu::status(const std::string& plug, const exec::Deadline& deadline) {
  const std::vector<unsigned long>& outlets = outlets_of(plug, deadline);
  const snmp::Oid& column = table(deadline).states;
  std::vector<snmp::Oid> cells;
  for (const unsigned long outlet : outlets) cells.push_back(snmp::cell(column, outlet));
  const std::vector<snmp::Value> values = session(deadline).get(cells, deadline);
  bool any_on = false;
  for (size_t i = 0; i < outlets.size(); ++i) {
    const snmp::Value& value = values[i];
    if (value.type == snmp::Value::Type::kMissing) {
      throw Error(ErrorKind::kUnknownTarget,
                  cat(session(deadline).name(), " has no outlet ", outlets[i]));
    }
    const auto state =
        value.type == snmp::Value::Type::kInteger ? apc::decode_state(value.integer) : std::nullopt;
    if (!state) {
      throw Error(ErrorKind::kFailed,
                  cat("outlet ", outlets[i], " of ", session(deadline).name(), " reports state ",
                      value.type == snmp::Value::Type::kInteger ? std::to_string(value.integer)
                                                                : "of the wrong type",
                      ", neither on (1) nor off (2)"));
    }
    any_on = any_on || *state == PowerState::kOn;
  }
  return any_on ? PowerState::kOn : PowerState::kOff;
}

void RackPdu::command(const std::string& plug, long command, const exec::Deadline& deadline) {
  const std::vector<unsigned long>& outlets = outlets_of(plug, deadline);
  const snmp::Oid& column = table(deadline).commands;
  std::vector<std::pair<snmp::Oid, long>> cells;
  for (const unsigned long outlet : outlets)
    cells.emplace_back(snmp::cell(column, outlet), command);
  const std::string numbers = numbers_text(outlets);
  ocf::log_info(cat("switching outlet ", numbers, numbers == plug ? "" : cat(" (", plug, ")"),
                    " of ", session(deadline).name(), command == apc::kCommandOn ? " on" : " off"));
  session(deadline).set(cells, deadline);
}

void RackPdu::power_on(const std::string& plug, const exec::Deadline& deadline) {
  command(plug, apc::kCommandOn, deadline);
}

void RackPdu::power_off(const std::string& plug, const exec::Deadline& deadline) {
  command(plug, apc::kCommandOff, deadline);
}

void RackPdu::check(const exec::Deadline& deadline) {
  const snmp::Value id = session(deadline).get({apc::sys_object_id()}, deadline).front();
  if (id.type != snmp::Value::Type::kOid) {
    throw Error(ErrorKind::kFailed, cat(session(deadline).name(), " has no sysObjectID"));
  }
}

}  // namespace hakit::fence
