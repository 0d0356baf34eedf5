// libxml2, loaded on first use instead of at exec (on_demand_library.h): with the ICU and
// libstdc++ it brings, binding it costs 2.3 M instructions, nine tenths of a VM agent's
// monitor, which reads no XML (VirtualDomain's remembers its domain's name,
// domain_name_memo.h).
//
// Each function below has the name and signature libxml2's headers declare and forwards to
// libxml2's own. domain_document.cc calls only these.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "virt/on_demand_library.h"

namespace {

struct Libxml2 {
  static constexpr const char* kSoname = "libxml2.so.2";
  static constexpr const char* kPackage = "libxml2";
};

}  // namespace

#define LIBXML2(function) hakit::virt::library_function<Libxml2, &(function)>(#function)

extern "C" {
xmlDocPtr xmlReadMemory(const char* buffer, int size, const char* URL, const char* encoding,
                        int options) {
  return LIBXML2(xmlReadMemory)(buffer, size, URL, encoding, options);
}
xmlNodePtr xmlDocGetRootElement(const xmlDoc* doc) { return LIBXML2(xmlDocGetRootElement)(doc); }
void xmlFreeDoc(xmlDocPtr cur) { LIBXML2(xmlFreeDoc)(cur); }
}
