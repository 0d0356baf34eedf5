#include "virt/host_resources.h"

#include <algorithm>

#include "ocf/error.h"
#include "ocf/log.h"
#include "util/strings.h"

namespace hakit::virt {
namespace {

template <typename Lookup, typename IsActive, typename Create, typename Free>
void start_each(const Connection& conn, const std::vector<std::string>& names,
                std::string_view kind, Lookup lookup, IsActive is_active, Create create,
                Free free) {
  for (const auto& name : names) {
    auto* object = lookup(conn.get(), name.c_str());
    if (!object) {
      throw ocf::Error(ocf::ExitCode::kErrGeneric,
                       cat(kind, " ", name, " is not defined: ", last_libvirt_error()));
    }
    const bool ok = is_active(object) == 1 || create(object, 0) == 0;
    const std::string error = ok ? "" : last_libvirt_error();
    free(object);
    if (!ok) {
      throw ocf::Error(ocf::ExitCode::kErrGeneric,
                       cat("cannot start ", kind, " ", name, ": ", error));
    }
  }
}

struct RunningDomain {
  virDomainPtr dom;
  virDomainInfo info;
};

/// The running domains other than `except`; the caller frees them.
std::vector<RunningDomain> other_running_domains(const Connection& conn, std::string_view except) {
  virDomainPtr* list = nullptr;
  const int count = virConnectListAllDomains(conn.get(), &list, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
  std::vector<RunningDomain> result;
  for (int i = 0; i < count; ++i) {
    virDomainInfo info{};
    const char* name = virDomainGetName(list[i]);
    if ((name && except == name) || virDomainGetInfo(list[i], &info) < 0) {
      virDomainFree(list[i]);
      continue;
    }
    result.push_back({list[i], info});
  }
  free(list);
  return result;
}

void free_all(std::vector<RunningDomain>& domains) {
  for (auto& domain : domains) virDomainFree(domain.dom);
}

unsigned long long free_kib(const Connection& conn) {
  return virNodeGetFreeMemory(conn.get()) / 1024;
}

}  // namespace

void start_networks_and_pools(const Connection& conn, const std::vector<std::string>& networks,
                              const std::vector<std::string>& pools) {
  start_each(
      conn, networks, "network", virNetworkLookupByName, virNetworkIsActive,
      [](virNetworkPtr network, unsigned) { return virNetworkCreate(network); }, virNetworkFree);
  start_each(conn, pools, "storage pool", virStoragePoolLookupByName, virStoragePoolIsActive,
             virStoragePoolCreate, virStoragePoolFree);
}

std::vector<unsigned long long> balloon_targets(const std::vector<unsigned long long>& current_kib,
                                                unsigned long long shortfall_kib) {
  unsigned long long total = 0;
  for (const auto size : current_kib) total += size;
  std::vector<unsigned long long> targets;
  for (const auto size : current_kib) {
    const unsigned long long share = total == 0 ? 0 : shortfall_kib * size / total;
    targets.push_back(size - std::min(share, size / 2));
  }
  return targets;
}

void make_room_for(const Connection& conn, const std::string& domain_name,
                   unsigned long long needed_kib, unsigned long long reserved_kib) {
  const unsigned long long available = free_kib(conn);
  if (available >= needed_kib + reserved_kib) return;
  const unsigned long long shortfall = needed_kib + reserved_kib - available;
  auto others = other_running_domains(conn, domain_name);
  std::vector<unsigned long long> current;
  for (const auto& other : others) current.push_back(other.info.memory);
  const auto targets = balloon_targets(current, shortfall);
  for (size_t i = 0; i < others.size(); ++i) {
    const char* name = virDomainGetName(others[i].dom);
    if (targets[i] == current[i]) continue;
    if (virDomainSetMemory(others[i].dom, targets[i]) < 0) {
      ocf::log_warning(
          cat("cannot shrink ", name, " to ", targets[i], " KiB: ", last_libvirt_error()));
    } else {
      ocf::log_info(cat("ballooned ", name, " from ", current[i], " to ", targets[i],
                        " KiB to make room for ", domain_name));
    }
  }
  free_all(others);
}

void return_memory(const Connection& conn, unsigned long long reserved_kib) {
  auto others = other_running_domains(conn, "");
  for (const auto& other : others) {
    const unsigned long long available = free_kib(conn);
    if (other.info.memory >= other.info.maxMem || available <= reserved_kib) continue;
    const unsigned long long grant = std::min<unsigned long long>(
        other.info.maxMem - other.info.memory, available - reserved_kib);
    if (virDomainSetMemory(other.dom, other.info.memory + grant) < 0) {
      ocf::log_debug(cat("cannot grow ", virDomainGetName(other.dom), ": ", last_libvirt_error()));
    }
  }
  free_all(others);
}

}  // namespace hakit::virt
