// A target and its LUNs in IET (the iSCSI Enterprise Target), driven with ietadm and read
// from /proc/net/iet. IET is not in Debian 12: the commands and the /proc parsing are unit
// tested, the daemon is not.
#pragma once

#include <string>
#include <vector>

#include "iscsi/drivers.h"
#include "iscsi/iet_proc.h"

namespace hakit::iscsi {

/// The ietadm argument lists that create target `tid` as configured (name, parameters,
/// CHAP account); the password is in the last one, which must be run as a secret.
std::vector<std::vector<std::string>> iet_target_commands(const TargetConfig& config, int tid);

/// The ietadm arguments that add the LUN to target `tid`; `block_device` picks blockio over
/// fileio.
std::vector<std::string> iet_logical_unit_command(const LogicalUnitConfig& config, int tid,
                                                  bool block_device);

/// `contents` of an initiators.allow/deny file without the lines of `iqn`, plus `line`
/// when it is not empty.
std::string with_initiator_line(const std::string& contents, const std::string& iqn,
                                const std::string& line);

class IetTargetDriver : public TargetDriver {
 public:
  IetTargetDriver(const TargetConfig& config, const exec::Deadline& deadline,
                  std::string proc_dir = "/proc/net/iet");
  bool running() override;
  void start() override;
  void stop() override;

 private:
  const TargetConfig& config_;
  exec::Deadline deadline_;
  std::string proc_dir_;
};

class IetLogicalUnitDriver : public LogicalUnitDriver {
 public:
  IetLogicalUnitDriver(const LogicalUnitConfig& config, const exec::Deadline& deadline,
                       std::string proc_dir = "/proc/net/iet");
  LogicalUnitStatus status() override;
  void start() override;
  void stop() override;

 private:
  const LogicalUnitConfig& config_;
  exec::Deadline deadline_;
  std::string proc_dir_;
};

}  // namespace hakit::iscsi
