#include "cleanup.h"

#include <algorithm>

#include "apc_pdu_simulator.h"
#include "cluster.h"
#include "installed_file.h"
#include "ipmi_simulator.h"
#include "lab_record.h"
#include "libvirt_host.h"
#include "loop_device.h"
#include "netns.h"
#include "sshd.h"
#include "util/strings.h"

namespace hakit::lab {

namespace {

// In undo order: stopping the cluster stops the resources that use the mount and devices.
enum class Kind {
  cluster,
  provider_mount,
  libvirt_host,
  ipmi_sim,
  snmpd,
  sshd,
  installed_file,
  netns_peer,
  loop_device
};

Kind kind_of(const Record::Entry& entry) {
  if (entry.name == "cluster") return Kind::cluster;
  if (entry.name == "provider-mount") return Kind::provider_mount;
  if (LibvirtHost::is_record(entry.name)) return Kind::libvirt_host;
  if (IpmiSimulator::is_record(entry.name)) return Kind::ipmi_sim;
  if (ApcPduSimulator::is_record(entry.name)) return Kind::snmpd;
  if (Sshd::is_record(entry.name)) return Kind::sshd;
  if (InstalledFile::is_record(entry.name)) return Kind::installed_file;
  if (NetnsPeer::is_record(entry.name)) return Kind::netns_peer;
  return Kind::loop_device;
}

}  // namespace

std::vector<std::string> clean_up_stale_state() {
  auto stale = Record::stale();
  std::stable_sort(stale.begin(), stale.end(),
                   [](const auto& a, const auto& b) { return kind_of(a) < kind_of(b); });
  std::vector<std::string> undone;
  for (const auto& entry : stale) {
    // Adopting a leftover and dropping the object at once undoes it.
    switch (kind_of(entry)) {
      case Kind::cluster:
        Cluster::adopt(entry.value);
        break;
      case Kind::provider_mount:
        ProviderMount::adopt();
        break;
      case Kind::libvirt_host:
        LibvirtHost::adopt_record(entry.name);
        break;
      case Kind::ipmi_sim:
        IpmiSimulator::adopt_record(entry.name);
        break;
      case Kind::snmpd:
        ApcPduSimulator::adopt_record(entry.name);
        break;
      case Kind::sshd:
        Sshd::adopt_record(entry.name);
        break;
      case Kind::installed_file:
        InstalledFile::adopt(entry.name);
        break;
      case Kind::netns_peer:
        NetnsPeer::adopt(entry.name);
        break;
      case Kind::loop_device:
        LoopDevice::adopt("/dev/" + entry.name);
        break;
    }
    undone.push_back(
        cat("cleaned up ", entry.name, " ", entry.value, " (owner pid ", entry.owner, " is gone)"));
  }
  return undone;
}

}  // namespace hakit::lab
