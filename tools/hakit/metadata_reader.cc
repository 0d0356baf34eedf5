#include "hakit/metadata_reader.h"

#include <charconv>

#include "hakit/error.h"
#include "hakit/xml_document.h"
#include "ocf/environment.h"
#include "util/strings.h"

namespace hakit::cli {
namespace {

/// The element children of `parent` called `name`.
std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view name) {
  std::vector<const xmlNode*> found;
  if (parent == nullptr) return found;
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (is_element(child, name)) found.push_back(child);
  }
  return found;
}

const xmlNode* first_child(const xmlNode* parent, std::string_view name) {
  const auto found = children(parent, name);
  return found.empty() ? nullptr : found.front();
}

bool is_true(const std::optional<std::string>& flag) {
  return flag && ocf::parse_bool(*flag).value_or(false);
}

int to_int(const std::optional<std::string>& text) {
  int value = 0;
  if (text) std::from_chars(text->data(), text->data() + text->size(), value);
  return value;
}

ParameterInfo read_parameter(const xmlNode* node) {
  ParameterInfo parameter{.name = attribute(node, "name").value_or(""),
                          .required = is_true(attribute(node, "required"))};
  if (const xmlNode* content = first_child(node, "content")) {
    parameter.type = attribute(content, "type").value_or("string");
    parameter.default_value = attribute(content, "default");
  }
  return parameter;
}

ActionInfo read_action(const xmlNode* node) {
  ActionInfo action{.name = attribute(node, "name").value_or(""),
                    .depth = to_int(attribute(node, "depth")),
                    .role = attribute(node, "role").value_or("")};
  if (const auto timeout = attribute(node, "timeout"))
    action.timeout = ocf::parse_duration(*timeout);
  if (const auto interval = attribute(node, "interval")) {
    action.interval = ocf::parse_duration(*interval).value_or(exec::Millis(0));
  }
  return action;
}

}  // namespace

bool Metadata::advertises(std::string_view name) const { return action(name) != nullptr; }

const ActionInfo* Metadata::action(std::string_view name, int depth) const {
  const ActionInfo* first = nullptr;
  for (const ActionInfo& candidate : actions) {
    if (candidate.name != name) continue;
    if (candidate.depth == depth) return &candidate;
    if (first == nullptr) first = &candidate;
  }
  return first;
}

std::set<int> Metadata::monitor_depths() const {
  std::set<int> depths;
  for (const ActionInfo& candidate : actions) {
    if (candidate.name == "monitor") depths.insert(candidate.depth);
  }
  return depths;
}

std::vector<std::string> Metadata::required_parameters() const {
  std::vector<std::string> names;
  for (const ParameterInfo& parameter : parameters) {
    if (parameter.required) names.push_back(parameter.name);
  }
  return names;
}

Metadata read_metadata(std::string_view xml) {
  const XmlDocument doc = parse_xml(xml);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!is_element(root, "resource-agent")) {
    throw Error(cat("the root element is <", reinterpret_cast<const char*>(root->name),
                    ">, not <resource-agent>"));
  }
  Metadata metadata{.name = attribute(root, "name").value_or(""),
                    .ocf_version = node_text(first_child(root, "version")),
                    .shortdesc = node_text(first_child(root, "shortdesc"))};
  for (const xmlNode* node : children(first_child(root, "parameters"), "parameter")) {
    metadata.parameters.push_back(read_parameter(node));
  }
  for (const xmlNode* node : children(first_child(root, "actions"), "action")) {
    metadata.actions.push_back(read_action(node));
  }
  return metadata;
}

}  // namespace hakit::cli
