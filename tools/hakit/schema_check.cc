#include "hakit/schema_check.h"

#include <libxml/relaxng.h>
#include <libxml/valid.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "hakit/error.h"

namespace hakit::cli {
namespace {

template <auto Free>
struct Freer {
  template <typename T>
  void operator()(T* object) const {
    Free(object);
  }
};
template <typename T, auto Free>
using Owned = std::unique_ptr<T, Freer<Free>>;

std::filesystem::path executable_directory() {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
}

/// Returns `errors`' messages, or `fallback` when validation failed without saying why.
std::vector<std::string> violations(bool valid, const XmlErrors& errors, const char* fallback) {
  if (valid) return {};
  if (errors.messages().empty()) return {fallback};
  return errors.messages();
}

const xmlChar* xml_string(const std::string& text) {
  return reinterpret_cast<const xmlChar*>(text.c_str());
}

}  // namespace

std::string find_schema(std::string_view file_name) {
  for (const std::filesystem::path& directory :
       {executable_directory() / HAKIT_METADATA_DIR_FROM_BINARY,
        std::filesystem::path(HAKIT_SOURCE_METADATA_DIR)}) {
    const std::filesystem::path candidate = directory / file_name;
    if (::access(candidate.c_str(), R_OK) == 0) return candidate.lexically_normal();
  }
  throw Error("cannot find " + std::string(file_name) + " next to the installed hakit or in " +
              HAKIT_SOURCE_METADATA_DIR);
}

std::vector<std::string> dtd_violations(xmlDoc* doc, const std::string& dtd_path) {
  XmlErrors errors;
  const Owned<xmlDtd, xmlFreeDtd> dtd(xmlParseDTD(nullptr, xml_string(dtd_path)));
  if (dtd == nullptr) throw Error("cannot read the DTD " + dtd_path);
  const Owned<xmlValidCtxt, xmlFreeValidCtxt> context(xmlNewValidCtxt());
  const bool valid = xmlValidateDtd(context.get(), doc, dtd.get()) == 1;
  return violations(valid, errors, "does not conform to the DTD");
}

std::vector<std::string> relaxng_violations(xmlDoc* doc, const std::string& rng_path) {
  XmlErrors errors;
  const Owned<xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt> parser(
      xmlRelaxNGNewParserCtxt(rng_path.c_str()));
  const Owned<xmlRelaxNG, xmlRelaxNGFree> schema(xmlRelaxNGParse(parser.get()));
  if (schema == nullptr) throw Error("cannot read the RelaxNG schema " + rng_path);
  const Owned<xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt> context(
      xmlRelaxNGNewValidCtxt(schema.get()));
  const bool valid = xmlRelaxNGValidateDoc(context.get(), doc) == 0;
  return violations(valid, errors, "does not conform to the RelaxNG schema");
}

bool declares_doctype(xmlDoc* doc, std::string_view root) {
  const xmlDtd* declared = xmlGetIntSubset(doc);
  return declared != nullptr && declared->name != nullptr &&
         root == reinterpret_cast<const char*>(declared->name);
}

}  // namespace hakit::cli
