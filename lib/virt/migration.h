// Live migration: where to (the target node's hypervisor URI and migration data URI,
// derived as ocf:heartbeat:VirtualDomain derives them), how (virsh-style options as
// libvirt flags), and the migration itself, bounded by the action's deadline.
#pragma once

#include <optional>
#include <string>

#include "exec/deadline.h"
#include "virt/connection.h"
#include "virt/domain.h"

namespace hakit::virt {

struct MigrationSettings {
  std::string hypervisor_uri{};   ///< this node's hypervisor URI
  std::string remoteuri{};        ///< explicit target URI, %n = target node
  std::string transport{};        ///< ssh, tcp, tls... inserted as scheme+transport
  std::string user{};             ///< user@ in the target URI
  std::string network_suffix{};   ///< appended to the target's first host name label
  std::string migrateuri{};       ///< explicit data URI, %n = target node
  std::optional<long long> migrateport{};
  std::string options{};          ///< virsh migrate options
  unsigned long long speed_mib = 0;
  unsigned long long downtime_ms = 0;
};

struct MigrationPlan {
  std::string remote_uri;
  std::string migrate_uri;  ///< "" lets the hypervisor choose
  unsigned flags = 0;       ///< VIR_MIGRATE_*
};

/// VIR_MIGRATE_* flags of virsh-style options (always with VIR_MIGRATE_LIVE). Throws
/// Error(kErrConfigured) naming an unknown option. --migrateuri=URI is returned separately.
unsigned migration_flags(std::string_view options, std::string* migrateuri = nullptr);

/// `target_address` is what the target node is reached by: its node name, or the value of
/// node_ip_attribute. Throws Error(kErrConfigured) for bad options or a hypervisor URI
/// that a target host cannot be put into.
MigrationPlan plan_migration(const MigrationSettings& settings, const std::string& target_node,
                             const std::string& target_address);

/// "qemu://a:16509/system?x" with host "b", scheme suffix "+ssh", user "root" ->
/// "qemu+ssh://root@b:16509/system?x". nullopt when `uri` has no "scheme://".
std::optional<std::string> uri_for_host(std::string_view uri, std::string_view scheme_suffix,
                                        std::string_view user_host);

/// Migrates `domain` (live) as planned. Applies speed and downtime first, aborts the job at
/// `deadline`. Throws Error(kErrGeneric) with libvirt's reason when it fails; the domain then
/// still runs on the source.
void migrate(const Domain& domain, const MigrationPlan& plan, const MigrationSettings& settings,
             const exec::Deadline& deadline);

}  // namespace hakit::virt
