// The lexical layer of xl.cfg(5) and xm config files: `key = value` settings, with no
// meaning attached to keys. Shared by the guest config (xen_config) and anything else
// written in the same syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "virt/config_error.h"

namespace hakit::virt {

/// A string or number, kept as text as libxlu does: unquoted and unescaped.
struct ConfigAtom {
  std::string text;
  int line = 0;  ///< where it starts
};

/// An atom or a flat list of atoms.
struct ConfigValue {
  bool is_list = false;
  std::string text;               ///< the atom when not a list
  std::vector<ConfigAtom> items;  ///< the list's atoms
  int line = 0;                   ///< where the value starts
};

struct ConfigSetting {
  std::string key;
  ConfigValue value;
  int line = 0;  ///< where the key is
};

/// Every key once, in the order keys first appear: a key set twice keeps the last value
/// (as in xl and Python), `key += value` appends to the earlier string or list.
/// Python-only constructs (expressions, imports, nested lists) are ConfigErrors: hakit
/// does not run the file.
std::vector<ConfigSetting> parse_config_syntax(std::string_view text);

}  // namespace hakit::virt
