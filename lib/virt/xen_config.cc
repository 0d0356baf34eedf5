#include "virt/xen_config.h"

#include <charconv>
#include <functional>
#include <limits>
#include <map>

#include "util/strings.h"
#include "virt/config_syntax.h"
#include "virt/spec_fields.h"
#include "virt/xen_disk_spec.h"
#include "virt/xen_pci_spec.h"
#include "virt/xen_vif_spec.h"

namespace hakit::virt {
namespace {

constexpr std::uint64_t kDefaultMemoryMib = 32;  // libxl's default when `memory` is unset

[[noreturn]] void fail(const ConfigSetting& setting, const std::string& message) {
  throw ConfigError(setting.value.line, cat(setting.key, ": ", message));
}

/// The value as one string; a list is only accepted where xl accepts one.
const std::string& text_of(const ConfigSetting& setting) {
  if (setting.value.is_list) fail(setting, "expected a string or number, not a list");
  return setting.value.text;
}

/// The items of a list; a lone string counts as a one-item list (Python configs do that).
std::vector<ConfigAtom> items_of(const ConfigSetting& setting) {
  if (setting.value.is_list) return setting.value.items;
  return {{setting.value.text, setting.value.line}};
}

std::vector<std::string> texts_of(const ConfigSetting& setting) {
  std::vector<std::string> texts;
  for (const auto& item : items_of(setting)) texts.push_back(item.text);
  return texts;
}

/// A decimal or 0x-hexadecimal integer, quoted or not, as libxlu reads numbers.
std::uint64_t number_of(const ConfigSetting& setting, std::uint64_t min, std::uint64_t max,
                        std::string_view what) {
  std::string_view text = trim(text_of(setting));
  int base = 10;
  if (text.starts_with("0x") || text.starts_with("0X")) {
    text.remove_prefix(2);
    base = 16;
  }
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    fail(setting, cat("\"", setting.value.text, "\" is not a number (expected ", what, ")"));
  }
  if (value < min || value > max) {
    fail(setting, cat(value, " is out of range (expected ", what, " from ", min, " to ", max, ")"));
  }
  return value;
}

std::string path_of(const ConfigSetting& setting) {
  const std::string& path = text_of(setting);
  if (!path.empty() && !is_absolute_path(path)) {
    fail(setting, cat("\"", path, "\" is not an absolute path"));
  }
  return path;
}

bool bool_of(const ConfigSetting& setting) {
  return number_of(setting, 0, std::numeric_limits<std::uint64_t>::max(), "0 or 1") != 0;
}

LifecycleAction action_of(const ConfigSetting& setting) {
  static const std::map<std::string, LifecycleAction, std::less<>> kActions = {
      {"destroy", LifecycleAction::kDestroy},
      {"restart", LifecycleAction::kRestart},
      {"rename-restart", LifecycleAction::kRenameRestart},
      {"preserve", LifecycleAction::kPreserve},
      {"coredump-destroy", LifecycleAction::kCoredumpDestroy},
      {"coredump-restart", LifecycleAction::kCoredumpRestart},
      {"soft-reset", LifecycleAction::kSoftReset},
  };
  const auto found = kActions.find(text_of(setting));
  if (found == kActions.end()) {
    fail(setting, cat("unknown action \"", text_of(setting),
                      "\" (destroy, restart, rename-restart, preserve, coredump-destroy, "
                      "coredump-restart, soft-reset)"));
  }
  return found->second;
}

bool is_uuid(std::string_view text) {
  std::size_t digits = 0;
  for (const char c : text) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (hex) {
      ++digits;
    } else if (c != '-' || (digits != 8 && digits != 12 && digits != 16 && digits != 20)) {
      return false;
    }
  }
  return digits == 32;
}

/// xl's pCPU list ("0-3,^2", "all"); NUMA node forms have no libvirt cpuset equivalent.
std::string cpuset_of(const ConfigSetting& setting) {
  const std::string joined = join(texts_of(setting), ",");
  if (joined == "all" || joined.empty()) return {};
  if (joined.find_first_not_of("0123456789,-^ ") != std::string::npos) {
    fail(setting, cat(R"(")", joined, R"(" is not a CPU list such as "0-3,^2")"));
  }
  std::string compact;
  for (const char c : joined) {
    if (c != ' ') compact += c;
  }
  return compact;
}

/// A VNC listen address: libvirt takes an IP address or a DNS name.
const std::string& listen_of(const ConfigSetting& setting) {
  const std::string& address = text_of(setting);
  if (!is_address_or_name(address)) {
    fail(setting, cat("\"", address, "\" is not an address to listen on"));
  }
  return address;
}

/// vfb = [ "vnc=1, vnclisten=0.0.0.0, vncdisplay=1" ]: a PV guest's framebuffer.
void apply_vfb(const ConfigSetting& setting, DomainSpec& spec) {
  for (const auto& [entry, line] : items_of(setting)) {
    VncSpec vnc;
    bool is_vnc = false;
    for (const auto& [key, value] : split_spec_fields(entry)) {
      if ((key == "vnc" && value != "0") || (key == "type" && value == "vnc")) {
        is_vnc = true;
      } else if ((key == "sdl" && value != "0") || (key == "type" && value == "sdl")) {
        spec.sdl = true;
      } else if (key == "vnclisten") {
        vnc.listen = value;
        if (!is_address_or_name(vnc.listen)) {
          throw ConfigError(line, cat("vfb '", entry, "': bad vnclisten \"", value, "\""));
        }
      } else if (key == "vncpasswd") {
        vnc.password = value;
      } else if (key == "keymap") {
        vnc.keymap = value;
      } else if (key == "vncunused") {
        vnc.unused = value != "0";
      } else if (key == "vncdisplay") {
        int display = 0;
        const auto [end, error] =
            std::from_chars(value.data(), value.data() + value.size(), display);
        if (error != std::errc() || end != value.data() + value.size() || display < 0 ||
            display > 59635) {
          throw ConfigError(line, cat("vfb '", entry, "': bad vncdisplay \"", value, "\""));
        }
        vnc.display = display;
        vnc.unused = false;
      }
    }
    if (is_vnc) spec.vnc = vnc;
  }
}

VncSpec& vnc_of(DomainSpec& spec) {
  if (!spec.vnc) spec.vnc.emplace();
  return *spec.vnc;
}

using Handler = std::function<void(const ConfigSetting&, DomainSpec&)>;

void ignore(const ConfigSetting&, DomainSpec&) {}

/// Every key hakit models, xl and xm spellings alike.
const std::map<std::string, Handler, std::less<>>& handlers() {
  static const std::map<std::string, Handler, std::less<>> kHandlers = {
      {"name",
       [](const auto& s, auto& spec) {
         spec.name = trim(text_of(s));
         if (spec.name.empty()) fail(s, "the guest name is empty");
         if (spec.name.find_first_of("/\r\n") != std::string::npos) {
           fail(s, "a guest name is one line without \"/\"");
         }
       }},
      {"uuid",
       [](const auto& s, auto& spec) {
         if (!is_uuid(text_of(s))) fail(s, cat("\"", text_of(s), "\" is not a UUID"));
         spec.uuid = to_lower(text_of(s));
       }},
      {"memory",
       [](const auto& s, auto& spec) {
         spec.memory_mib = number_of(s, 1, std::uint64_t{1} << 32, "a size in MiB");
       }},
      {"maxmem",
       [](const auto& s, auto& spec) {
         spec.max_memory_mib = number_of(s, 1, std::uint64_t{1} << 32, "a size in MiB");
       }},
      {"vcpus",
       [](const auto& s, auto& spec) {
         spec.vcpus = static_cast<unsigned>(number_of(s, 1, 4096, "a vCPU count"));
       }},
      {"maxvcpus",
       [](const auto& s, auto& spec) {
         spec.max_vcpus = static_cast<unsigned>(number_of(s, 1, 4096, "a vCPU count"));
       }},
      {"type",
       [](const auto& s, auto& spec) {
         const std::string& type = text_of(s);
         if (type == "pv") {
           spec.type = GuestType::kPv;
         } else if (type == "hvm") {
           spec.type = GuestType::kHvm;
         } else if (type == "pvh") {
           spec.type = GuestType::kPvh;
         } else {
           fail(s, cat("unknown guest type \"", type, "\" (pv, pvh or hvm)"));
         }
       }},
      {"builder",  // xm, and xl before `type`
       [](const auto& s, auto& spec) {
         const std::string& builder = text_of(s);
         if (builder == "hvm") {
           spec.type = GuestType::kHvm;
         } else if (builder == "linux" || builder == "generic") {
           spec.type = GuestType::kPv;
         } else {
           fail(s, cat("unknown builder \"", builder, "\" (linux, generic or hvm)"));
         }
       }},
      {"pvh",
       [](const auto& s, auto& spec) {
         if (bool_of(s)) spec.type = GuestType::kPvh;
       }},
      {"kernel", [](const auto& s, auto& spec) { spec.kernel = path_of(s); }},
      {"ramdisk", [](const auto& s, auto& spec) { spec.ramdisk = path_of(s); }},
      {"root",
       [](const auto& s, auto& spec) {
         spec.root = text_of(s);
         if (spec.root.starts_with("root=")) spec.root.erase(0, 5);  // xm strips it too
       }},
      {"extra", [](const auto& s, auto& spec) { spec.cmdline = text_of(s); }},
      {"cmdline", [](const auto& s, auto& spec) { spec.cmdline = text_of(s); }},
      {"bootloader", [](const auto& s, auto& spec) { spec.bootloader = text_of(s); }},
      {"bootloader_args",
       [](const auto& s, auto& spec) {
         spec.bootloader_args = s.value.is_list ? texts_of(s) : split(s.value.text);
       }},
      {"boot",
       [](const auto& s, auto& spec) {
         const std::string& boot = text_of(s);
         if (boot.empty() || boot.find_first_not_of("acdn") != std::string::npos) {
           fail(s, cat("bad boot order \"", boot, "\" (letters c: disk, d: CD-ROM, n: network)"));
         }
         spec.boot = boot;
       }},
      {"disk",
       [](const auto& s, auto& spec) {
         spec.disks.clear();
         for (const auto& [entry, line] : items_of(s)) {
           spec.disks.push_back(parse_xen_disk_spec(entry, line));
         }
       }},
      {"vif",
       [](const auto& s, auto& spec) {
         spec.vifs.clear();
         for (const auto& [entry, line] : items_of(s)) {
           spec.vifs.push_back(parse_xen_vif_spec(entry, line));
         }
       }},
      {"pci",
       [](const auto& s, auto& spec) {
         spec.pci.clear();
         for (const auto& [entry, line] : items_of(s)) {
           spec.pci.push_back(parse_xen_pci_spec(entry, line));
         }
       }},
      {"on_poweroff", [](const auto& s, auto& spec) { spec.on_poweroff = action_of(s); }},
      {"on_reboot", [](const auto& s, auto& spec) { spec.on_reboot = action_of(s); }},
      {"on_crash", [](const auto& s, auto& spec) { spec.on_crash = action_of(s); }},
      {"vnc",  // vnc = 0 wins over other vnc keys: see finish
       [](const auto& s, auto& spec) {
         if (bool_of(s)) vnc_of(spec);
       }},
      {"vnclisten", [](const auto& s, auto& spec) { vnc_of(spec).listen = listen_of(s); }},
      {"vncpasswd", [](const auto& s, auto& spec) { vnc_of(spec).password = text_of(s); }},
      {"keymap", [](const auto& s, auto& spec) { vnc_of(spec).keymap = text_of(s); }},
      {"vncdisplay",
       [](const auto& s, auto& spec) {
         vnc_of(spec).display = static_cast<int>(number_of(s, 0, 59635, "a VNC display"));
         spec.vnc->unused = false;
       }},
      {"vncunused", [](const auto& s, auto& spec) { vnc_of(spec).unused = bool_of(s); }},
      {"vfb", apply_vfb},
      {"sdl", [](const auto& s, auto& spec) { spec.sdl = bool_of(s); }},
      {"serial",
       [](const auto& s, auto& spec) {
         const auto items = texts_of(s);
         spec.serial = items.empty() ? std::string() : items.front();
         if (spec.serial == "none") spec.serial.clear();
         const bool path = spec.serial.starts_with("file:/") || spec.serial.starts_with("/dev/");
         if (!spec.serial.empty() && spec.serial != "pty" &&
             (!path || spec.serial.find_first_of("\r\n") != std::string::npos)) {
           fail(s, cat("\"", spec.serial, "\" is not supported (pty, file:/path or /dev/...)"));
         }
       }},
      {"cpus", [](const auto& s, auto& spec) { spec.cpus = cpuset_of(s); }},
      {"cpu_weight",
       [](const auto& s, auto& spec) {
         spec.cpu_weight = static_cast<unsigned>(number_of(s, 1, 65535, "a weight"));
       }},
      {"cpu_cap",
       [](const auto& s, auto& spec) {
         spec.cpu_cap = static_cast<unsigned>(number_of(s, 0, 409600, "a percentage"));
       }},
      {"acpi", [](const auto& s, auto& spec) { spec.acpi = bool_of(s); }},
      {"apic", [](const auto& s, auto& spec) { spec.apic = bool_of(s); }},
      {"pae", [](const auto& s, auto& spec) { spec.pae = bool_of(s); }},
      {"hpet", [](const auto& s, auto& spec) { spec.hpet = bool_of(s); }},
      {"viridian",  // 1/0, or a list of enlightenment groups ("base", "freq", ...)
       [](const auto& s, auto& spec) {
         spec.viridian = s.value.is_list ? !s.value.items.empty() : bool_of(s);
       }},
      {"localtime", [](const auto& s, auto& spec) { spec.localtime = bool_of(s); }},
      {"rtc_timeoffset",
       [](const auto& s, auto& spec) {
         const std::string_view text = trim(text_of(s));
         long seconds = 0;
         const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
         if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
           fail(s, cat("\"", text, "\" is not a number of seconds"));
         }
         spec.rtc_timeoffset = seconds;
       }},
      {"stdvga",
       [](const auto& s, auto& spec) {
         if (bool_of(s)) spec.video = "vga";
       }},
      {"vga",
       [](const auto& s, auto& spec) {
         const std::string& vga = text_of(s);
         if (vga == "stdvga") {
           spec.video = "vga";
         } else if (vga == "cirrus" || vga == "qxl" || vga == "none") {
           spec.video = vga;
         } else {
           fail(s, cat("unknown adapter \"", vga, "\" (stdvga, cirrus, qxl or none)"));
         }
       }},
      {"videoram",
       [](const auto& s, auto& spec) {
         spec.videoram_mib = static_cast<unsigned>(number_of(s, 1, 4096, "a size in MiB"));
       }},
      {"usbdevice",
       [](const auto& s, auto& spec) {
         const auto items = texts_of(s);
         spec.usbdevice = items.empty() ? std::string() : items.front();
       }},
      // Read together in finish(): they make up one kernel argument or one default.
      {"ip", ignore},
      {"netmask", ignore},
      {"gateway", ignore},
      {"hostname", ignore},
      {"interface", ignore},
      {"dhcp", ignore},
      {"nfs_server", ignore},
      {"nfs_root", ignore},
      {"restart", ignore},
      {"nographic", ignore},
      // The device model is the hypervisor's business, not the guest's.
      {"device_model", ignore},
      {"device_model_version", ignore},
      {"device_model_override", ignore},
  };
  return kHandlers;
}

const ConfigSetting* find(const std::vector<ConfigSetting>& settings, std::string_view key) {
  for (const auto& setting : settings) {
    if (setting.key == key) return &setting;
  }
  return nullptr;
}

std::string text_or(const std::vector<ConfigSetting>& settings, std::string_view key,
                    std::string_view fallback = {}) {
  const ConfigSetting* setting = find(settings, key);
  return setting ? text_of(*setting) : std::string(fallback);
}

/// xm's kernel arguments for IP autoconfiguration and an NFS root (xl has neither):
/// "ip=<ip>:<nfs server>:<gateway>:<netmask>:<hostname>:<interface>:<dhcp>".
void apply_xm_kernel_network(DomainSpec& spec, const std::vector<ConfigSetting>& settings) {
  const std::string dhcp = text_or(settings, "dhcp", "off");
  const std::string ip = text_or(settings, "ip");
  const std::string nfs_server = text_or(settings, "nfs_server");
  if (!ip.empty() || dhcp != "off") {
    spec.kernel_ip =
        join({ip, nfs_server.empty() ? "127.0.255.255" : nfs_server, text_or(settings, "gateway"),
              text_or(settings, "netmask"), text_or(settings, "hostname"),
              text_or(settings, "interface", "eth0"), dhcp},
             ":");
  }
  if (const ConfigSetting* nfs_root = find(settings, "nfs_root")) {
    if (nfs_server.empty()) fail(*nfs_root, "nfs_root needs nfs_server");
    spec.cmdline = cat("nfsroot=", nfs_server, ":", text_of(*nfs_root),
                       spec.cmdline.empty() ? "" : " ", spec.cmdline);
  }
}

/// xm's deprecated `restart`, for the on_* actions the config leaves unset.
void apply_xm_restart(DomainSpec& spec, const std::vector<ConfigSetting>& settings) {
  const ConfigSetting* restart = find(settings, "restart");
  if (!restart) return;
  const std::string& policy = text_of(*restart);
  LifecycleAction poweroff = LifecycleAction::kDestroy;
  LifecycleAction reboot = LifecycleAction::kRestart;
  LifecycleAction crash = LifecycleAction::kDestroy;
  if (policy == "always") {
    poweroff = crash = LifecycleAction::kRestart;
  } else if (policy == "never") {
    reboot = LifecycleAction::kDestroy;
  } else if (policy != "onreboot") {
    fail(*restart, cat("unknown policy \"", policy, "\" (onreboot, always or never)"));
  }
  if (!find(settings, "on_poweroff")) spec.on_poweroff = poweroff;
  if (!find(settings, "on_reboot")) spec.on_reboot = reboot;
  if (!find(settings, "on_crash")) spec.on_crash = crash;
}

void finish(DomainSpec& spec, const std::vector<ConfigSetting>& settings) {
  const auto line_of = [&](std::string_view key) {
    const ConfigSetting* setting = find(settings, key);
    return setting ? setting->value.line : 0;
  };
  apply_xm_kernel_network(spec, settings);
  apply_xm_restart(spec, settings);
  if (const ConfigSetting* vnc = find(settings, "vnc"); vnc && !bool_of(*vnc)) spec.vnc.reset();
  if (const ConfigSetting* nographic = find(settings, "nographic");
      nographic && bool_of(*nographic)) {
    spec.vnc.reset();
    spec.sdl = false;
  }

  if (spec.name.empty()) throw ConfigError(0, "the config sets no guest name (name = \"...\")");
  if (spec.memory_mib == 0) spec.memory_mib = kDefaultMemoryMib;
  if (spec.max_memory_mib == 0) spec.max_memory_mib = spec.memory_mib;
  if (spec.max_memory_mib < spec.memory_mib) {
    throw ConfigError(line_of("maxmem"), cat("maxmem (", spec.max_memory_mib,
                                             " MiB) is below memory (", spec.memory_mib, " MiB)"));
  }
  if (spec.max_vcpus == 0) spec.max_vcpus = spec.vcpus;
  if (spec.max_vcpus < spec.vcpus) {
    throw ConfigError(line_of("maxvcpus"),
                      cat("maxvcpus (", spec.max_vcpus, ") is below vcpus (", spec.vcpus, ")"));
  }
  // xm HVM configs name the firmware loader as the kernel; it is not a guest kernel.
  if (spec.type == GuestType::kHvm && spec.kernel.ends_with("hvmloader")) spec.kernel.clear();
  if (spec.type == GuestType::kPv && spec.kernel.empty() && spec.bootloader.empty()) {
    throw ConfigError(0, "a PV guest needs a kernel or a bootloader (kernel = \"...\")");
  }
}

}  // namespace

DomainSpec parse_xen_config(std::string_view text) {
  const auto settings = parse_config_syntax(text);
  DomainSpec spec;
  for (const auto& setting : settings) {
    const auto handler = handlers().find(setting.key);
    if (handler == handlers().end()) {
      spec.unused_keys.push_back(setting.key);
    } else {
      handler->second(setting, spec);
    }
  }
  finish(spec, settings);
  return spec;
}

}  // namespace hakit::virt
