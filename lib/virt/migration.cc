#include "virt/migration.h"

#include <libvirt/virterror.h>

#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::virt {
namespace {

struct OptionFlag {
  std::string_view option;
  unsigned flag;
};

constexpr OptionFlag kOptionFlags[] = {
    {"--live", VIR_MIGRATE_LIVE},
    {"--p2p", VIR_MIGRATE_PEER2PEER},
    {"--tunnelled", VIR_MIGRATE_TUNNELLED},
    {"--persistent", VIR_MIGRATE_PERSIST_DEST},
    {"--undefinesource", VIR_MIGRATE_UNDEFINE_SOURCE},
    {"--suspend", VIR_MIGRATE_PAUSED},
    {"--copy-storage-all", VIR_MIGRATE_NON_SHARED_DISK},
    {"--copy-storage-inc", VIR_MIGRATE_NON_SHARED_INC},
    {"--change-protection", VIR_MIGRATE_CHANGE_PROTECTION},
    {"--unsafe", VIR_MIGRATE_UNSAFE},
    {"--compressed", VIR_MIGRATE_COMPRESSED},
    {"--abort-on-error", VIR_MIGRATE_ABORT_ON_ERROR},
    {"--auto-converge", VIR_MIGRATE_AUTO_CONVERGE},
    {"--postcopy", VIR_MIGRATE_POSTCOPY},
    {"--tls", VIR_MIGRATE_TLS},
    {"--verbose", 0},  // virsh's progress output: nothing to do in-process
};

// libvirt picks qemu's migration port from this range when none is given.
constexpr long long kFirstMigrationPort = 49152;
constexpr long long kLastMigrationPort = 49215;

std::string replace_node(std::string_view text, std::string_view node) {
  std::string result;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] == 'n') {
      result += node;
      ++i;
    } else {
      result += text[i];
    }
  }
  return result;
}

/// node1.example.com with suffix -mig: node1-mig.example.com.
std::string with_suffix(std::string_view host, std::string_view suffix) {
  const size_t dot = host.find('.');
  if (dot == std::string_view::npos) return cat(host, suffix);
  return cat(host.substr(0, dot), suffix, host.substr(dot));
}

long long random_migration_port() {
  std::random_device seed;
  return std::uniform_int_distribution<long long>(kFirstMigrationPort, kLastMigrationPort)(seed);
}

}  // namespace

unsigned migration_flags(std::string_view options, std::string* migrateuri) {
  unsigned flags = VIR_MIGRATE_LIVE;
  for (const auto& option : split(options)) {
    if (option.starts_with("--migrateuri=")) {
      if (migrateuri) *migrateuri = option.substr(std::string_view("--migrateuri=").size());
      continue;
    }
    bool known = false;
    for (const auto& [name, flag] : kOptionFlags) {
      if (option == name) {
        flags |= flag;
        known = true;
      }
    }
    if (!known) {
      throw ocf::Error(ocf::ExitCode::kErrConfigured,
                       cat("migrate_options: unsupported option '", option, "'"));
    }
  }
  return flags;
}

std::optional<std::string> uri_for_host(std::string_view uri, std::string_view scheme_suffix,
                                        std::string_view user_host) {
  const size_t sep = uri.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  const std::string_view scheme = uri.substr(0, sep);
  const std::string_view rest = uri.substr(sep + 3);
  const size_t path = std::min(rest.find_first_of("/?"), rest.size());
  const std::string_view authority = rest.substr(0, path);
  const size_t colon = authority.rfind(':');
  const std::string_view port = colon == std::string_view::npos ? "" : authority.substr(colon);
  return cat(scheme, scheme_suffix, "://", user_host, port, rest.substr(path));
}

MigrationPlan plan_migration(const MigrationSettings& settings, const std::string& target_node,
                             const std::string& target_address) {
  MigrationPlan plan;
  std::string option_uri;
  plan.flags = migration_flags(settings.options, &option_uri);

  const std::string host = settings.network_suffix.empty()
                               ? target_address
                               : with_suffix(target_address, settings.network_suffix);
  if (!settings.remoteuri.empty()) {
    plan.remote_uri = replace_node(settings.remoteuri, target_node);
  } else if (target_address.find("://") != std::string::npos) {
    plan.remote_uri = target_address;  // the attribute holds a whole URI
  } else {
    const std::string user_host = settings.user.empty() ? host : cat(settings.user, "@", host);
    const std::string suffix = settings.transport.empty() ? "" : cat("+", settings.transport);
    const auto uri = uri_for_host(settings.hypervisor_uri, suffix, user_host);
    if (!uri) {
      throw ocf::Error(ocf::ExitCode::kErrConfigured,
                       cat("cannot derive the migration target's URI from hypervisor '",
                           settings.hypervisor_uri, "': set remoteuri"));
    }
    plan.remote_uri = *uri;
  }

  if (!settings.migrateuri.empty()) {
    plan.migrate_uri = replace_node(settings.migrateuri, target_node);
  } else if (!option_uri.empty()) {
    plan.migrate_uri = replace_node(option_uri, target_node);
  } else if (!settings.network_suffix.empty()) {
    const std::string driver = settings.hypervisor_uri.substr(
        0, settings.hypervisor_uri.find_first_of("+:"));
    if (driver == "qemu") {
      plan.migrate_uri =
          cat("tcp:", host, ":", settings.migrateport.value_or(random_migration_port()));
    } else if (driver == "xen") {
      plan.migrate_uri = host;
    } else {
      ocf::log_warning(cat("migration over a dedicated network is not supported for '", driver,
                           "': using the hypervisor's default"));
    }
  }
  return plan;
}

void migrate(const Domain& domain, const MigrationPlan& plan, const MigrationSettings& settings,
             const exec::Deadline& deadline) {
  if (settings.downtime_ms &&
      virDomainMigrateSetMaxDowntime(domain.get(), settings.downtime_ms, 0) < 0) {
    throw ocf::Error(ocf::ExitCode::kErrGeneric,
                     cat("cannot set migration downtime: ", last_libvirt_error()));
  }
  virTypedParameterPtr params = nullptr;
  int count = 0;
  int capacity = 0;
  if (!plan.migrate_uri.empty()) {
    virTypedParamsAddString(&params, &count, &capacity, VIR_MIGRATE_PARAM_URI,
                            plan.migrate_uri.c_str());
  }
  if (settings.speed_mib) {
    virTypedParamsAddULLong(&params, &count, &capacity, VIR_MIGRATE_PARAM_BANDWIDTH,
                            settings.speed_mib);
  }
  const std::unique_ptr<virTypedParameter, void (*)(virTypedParameterPtr)> owned(
      params, [](virTypedParameterPtr p) { virTypedParamsFree(p, 0); });

  // Bounded: at the deadline the migration job is aborted, so migrate returns an error.
  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  std::thread watchdog([&] {
    std::unique_lock lock(mutex);
    if (!finished_cv.wait_until(lock, deadline.when(), [&] { return finished; })) {
      ocf::log_warning("migration did not finish before the deadline: aborting it");
      virDomainAbortJob(domain.get());
    }
  });
  int rc = -1;
  std::string error;
  if (plan.flags & VIR_MIGRATE_PEER2PEER) {
    rc = virDomainMigrateToURI3(domain.get(), plan.remote_uri.c_str(), params, count, plan.flags);
  } else {
    try {
      const Connection target = Connection::open(plan.remote_uri, deadline);
      virDomainPtr migrated =
          virDomainMigrate3(domain.get(), target.get(), params, count, plan.flags);
      if (migrated) {
        virDomainFree(migrated);
        rc = 0;
      } else {
        error = last_libvirt_error();  // before closing `target` resets it
      }
    } catch (const Unreachable& unreachable) {
      error = unreachable.what();
    }
  }
  if (rc < 0 && error.empty()) error = last_libvirt_error();
  {
    const std::lock_guard lock(mutex);
    finished = true;
  }
  finished_cv.notify_all();
  watchdog.join();
  if (rc < 0) {
    throw ocf::Error(ocf::ExitCode::kErrGeneric,
                     cat("live migration to ", plan.remote_uri, " failed: ", error));
  }
}

}  // namespace hakit::virt
