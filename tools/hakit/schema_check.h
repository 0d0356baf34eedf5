// Validating meta-data against the schemas its consumers use: the OCF 1.0 DTD
// (ocf-tester, via xmllint --valid) and the OCF 1.1 RelaxNG (pcs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hakit/xml_document.h"

namespace hakit::cli {

inline constexpr std::string_view kOcfDtd = "ra-api-1.dtd";
inline constexpr std::string_view kOcf11RelaxNg = "ocf-1.1-ra-api.rng";

/// The path of a schema shipped with hakit: in the install's meta-data directory
/// (found relative to the running executable), else in the source tree. Throws
/// cli::Error when neither has it.
std::string find_schema(std::string_view file_name);

/// Why `doc` does not conform to the DTD at `dtd_path`; empty when it does.
std::vector<std::string> dtd_violations(xmlDoc* doc, const std::string& dtd_path);
/// Why `doc` does not conform to the RelaxNG schema at `rng_path`; empty when it does.
std::vector<std::string> relaxng_violations(xmlDoc* doc, const std::string& rng_path);
/// Whether `doc` has a <!DOCTYPE root ...> declaration, without which `xmllint --valid`
/// (and so ocf-tester) fails with "no DTD found".
bool declares_doctype(xmlDoc* doc, std::string_view root);

}  // namespace hakit::cli
