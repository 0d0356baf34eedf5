// A shared library loaded when a program first calls it instead of at exec, for the VM
// agents' heavy dependencies (libvirt_on_demand.cc, libxml2_on_demand.cc): binding a library
// and all it needs costs an agent more than the actions that never call it, and where the
// library is not installed the agent still runs and reports ERR_INSTALLED.
//
// A `Library` names itself: struct Libfoo { static constexpr const char* kSoname =
// "libfoo.so.1"; static constexpr const char* kPackage = "libfoo1"; };
#pragma once

#include <dlfcn.h>

#include "ocf/error.h"
#include "util/strings.h"

namespace hakit::virt {

/// The library's handle, opened once. Throws ocf::Error(kErrInstalled) naming the package.
template <typename Library>
void* library_handle() {
  static void* const handle = [] {
    void* opened = ::dlopen(Library::kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!opened) {
      throw ocf::Error(ocf::ExitCode::kErrInstalled,
                       cat(Library::kSoname, " cannot be loaded (", ::dlerror(), "): install ",
                           Library::kPackage));
    }
    return opened;
  }();
  return handle;
}

/// The library's own `Function` (a declaration of its header, which the caller defines as a
/// forwarder of the same name), looked up once.
template <typename Library, auto Function>
auto library_function(const char* name) {
  static const auto function = [name] {
    void* symbol = ::dlsym(library_handle<Library>(), name);
    if (!symbol) {
      throw ocf::Error(ocf::ExitCode::kErrInstalled, cat(Library::kSoname, " has no ", name, ": ",
                                                         Library::kPackage, " is too old"));
    }
    return reinterpret_cast<decltype(Function)>(symbol);
  }();
  return function;
}

}  // namespace hakit::virt
