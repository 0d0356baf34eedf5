#include "virt/xen_disk_spec.h"

#include <array>
#include <optional>

#include "util/strings.h"
#include "virt/spec_fields.h"

namespace hakit::virt {
namespace {

constexpr std::array<std::string_view, 6> kFormats = {"raw", "qcow", "qcow2",
                                                      "vhd", "qed",  "empty"};

bool is_format(std::string_view word) {
  for (const auto format : kFormats) {
    if (word == format) return true;
  }
  return false;
}

/// xvda, hdc, sdb, vdd, xvdaa, with an optional partition number (hda1).
bool is_vdev_name(std::string_view name) {
  for (const std::string_view prefix : {"xvd", "hd", "sd", "vd"}) {
    if (!name.starts_with(prefix)) continue;
    const std::string_view rest = name.substr(prefix.size());
    return !rest.empty() && rest[0] >= 'a' && rest[0] <= 'z' &&
           rest.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == rest.npos;
  }
  return false;
}

/// A positional vdev in any spelling: "ioemu:hda", "hdc:cdrom".
bool looks_like_vdev(std::string_view word) {
  if (word.starts_with("ioemu:")) word.remove_prefix(6);
  return is_vdev_name(word.substr(0, word.find(':')));
}

class DiskParser {
 public:
  DiskParser(std::string_view spec, int line) : spec_(spec), line_(line) { disk_.line = line; }

  DiskSpec parse() {
    std::vector<std::string_view> positional;
    for (const auto& field : split_spec_fields(spec_)) {
      if (field.key.empty()) {
        if (!flag(field.value)) positional.push_back(field.value);
      } else {
        keyword(field.key, field.value);
      }
    }
    assign_positional(positional);
    finish();
    return disk_;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw ConfigError(line_, cat("disk '", spec_, "': ", message));
  }

  /// Bare words xl accepts as flags; false for a positional value.
  bool flag(std::string_view word) {
    if (word == "cdrom") {
      disk_.cdrom = true;
      return true;
    }
    return word == "discard" || word == "no-discard" || word == "direct-io-safe" ||
           word == "trusted" || word == "untrusted" || word == "colo";
  }

  void keyword(std::string_view key, std::string_view value) {
    if (key == "target") {
      target(value);
    } else if (key == "format") {
      format(value);
    } else if (key == "vdev") {
      vdev(value);
    } else if (key == "access") {
      access(value);
    } else if (key == "devtype") {
      if (value == "cdrom") {
        disk_.cdrom = true;
      } else if (value != "disk") {
        fail(cat("unknown devtype \"", value, "\" (disk or cdrom)"));
      }
    } else if (key == "backendtype") {
      if (value != "phy" && value != "qdisk" && value != "tap" && value != "standalone") {
        fail(cat("unknown backendtype \"", value, "\" (phy, qdisk, tap or standalone)"));
      }
      disk_.backend = value;
    } else if (key == "script") {
      disk_.script = value;
    } else if (key != "backend" && key != "specification" && !key.starts_with("colo-") &&
               key != "active-disk" && key != "hidden-disk") {
      fail(cat("unknown key \"", key, "\""));
    }
  }

  /// xl's order is target, format, vdev, access; a prefixed (xm) target or a vdev in
  /// the second place means the xm order target, vdev, access.
  void assign_positional(const std::vector<std::string_view>& values) {
    const bool xm_order =
        xm_prefixed_ || (values.size() >= 2 && looks_like_vdev(values[1]) && !is_format(values[1]));
    std::vector<void (DiskParser::*)(std::string_view)> slots;
    if (!target_set_) slots.push_back(&DiskParser::target);
    if (!xm_order && !format_set_) slots.push_back(&DiskParser::format);
    if (!vdev_set_) slots.push_back(&DiskParser::vdev);
    if (!access_set_) slots.push_back(&DiskParser::access);
    if (values.size() > slots.size()) {
      fail(cat("too many positional fields (expected target, ", xm_order ? "" : "format, ",
               "vdev, access)"));
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!values[i].empty()) (this->*slots[i])(values[i]);
    }
  }

  /// xl allows each parameter once, positional or named.
  void once(bool& set, std::string_view name) {
    if (set) fail(cat(name, " given twice"));
    set = true;
  }

  void target(std::string_view value) {
    once(target_set_, "target");
    strip_prefixes(value);
    disk_.target = value;
    // xm resolved "phy:hda1" and "phy:vg/lv" under /dev
    if (disk_.backend == "phy" && !value.empty() && !value.starts_with('/')) {
      disk_.target = cat("/dev/", value);
    }
  }

  /// The deprecated "<prefix>:" forms; a path itself has no colon before its first '/'.
  void strip_prefixes(std::string_view& value) {
    while (true) {
      const std::size_t colon = value.find(':');
      if (colon == std::string_view::npos || value.substr(0, colon).find('/') != value.npos) {
        return;
      }
      const std::string_view prefix = value.substr(0, colon);
      if (prefix == "phy") {
        disk_.backend = "phy";
      } else if (prefix == "file" || prefix == "aio" || prefix == "tapdisk" || prefix == "ioemu") {
        // a file backed by qemu or tapdisk: the format stays raw unless given
      } else if (prefix == "tap" || prefix == "tap2") {
        disk_.backend = "tap";
      } else if (is_format(prefix)) {
        disk_.format = prefix;
      } else if (!prefix.empty() && prefix.find_first_of(" =") == std::string_view::npos) {
        disk_.script = cat("block-", prefix);  // "drbd:r0" means script=block-drbd
        xm_prefixed_ = true;
        value.remove_prefix(colon + 1);
        return;  // the rest is the script's argument, colons included
      } else {
        fail(cat("bad target prefix \"", prefix, ":\""));
      }
      xm_prefixed_ = true;
      value.remove_prefix(colon + 1);
    }
  }

  void format(std::string_view value) {
    once(format_set_, "format");
    if (!is_format(value)) fail(cat("unknown format \"", value, "\" (raw, qcow, qcow2, vhd, qed)"));
    disk_.format = value;
  }

  void vdev(std::string_view value) {
    once(vdev_set_, "vdev");
    if (value.starts_with("ioemu:")) value.remove_prefix(6);  // xm HVM spelling
    if (value.ends_with(":cdrom")) {
      disk_.cdrom = true;
      value.remove_suffix(6);
    } else if (value.ends_with(":disk")) {
      value.remove_suffix(5);
    }
    if (!is_vdev_name(value)) {
      fail(cat("bad virtual device name \"", value, "\" (such as xvda, hda, sdb)"));
    }
    disk_.vdev = value;
  }

  void access(std::string_view value) {
    once(access_set_, "access");
    if (value == "w" || value == "rw" || value == "w!" || value == "!") {
      disk_.readonly = false;
    } else if (value == "r" || value == "ro") {
      disk_.readonly = true;
    } else {
      fail(cat("unknown disk mode \"", value, "\" (r, ro, w or rw)"));
    }
  }

  void finish() {
    if (disk_.vdev.empty()) fail("no virtual device (vdev) such as xvda");
    if (disk_.format.empty()) disk_.format = "raw";
    if (disk_.cdrom && !access_set_) disk_.readonly = true;
    if (disk_.target.empty() && !disk_.cdrom) fail("no target (the path of the disk)");
    if (!disk_.target.empty() && disk_.script.empty() && !is_absolute_path(disk_.target)) {
      fail(cat("target \"", disk_.target, "\" is not an absolute path"));
    }
    if (disk_.target.find_first_of("\r\n") != std::string::npos) fail("target spans lines");
    if (disk_.format == "empty" && !disk_.cdrom) fail("format \"empty\" is only for a CD-ROM");
  }

  std::string_view spec_;
  int line_;
  DiskSpec disk_;
  bool target_set_ = false;
  bool format_set_ = false;
  bool vdev_set_ = false;
  bool access_set_ = false;
  bool xm_prefixed_ = false;
};

}  // namespace

DiskSpec parse_xen_disk_spec(std::string_view spec, int line) {
  return DiskParser(spec, line).parse();
}

}  // namespace hakit::virt
