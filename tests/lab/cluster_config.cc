#include "cluster_config.h"

#include "util/strings.h"

namespace hakit::lab {

std::string corosync_config(const std::vector<CorosyncNode>& nodes) {
  std::string nodelist;
  for (size_t i = 0; i < nodes.size(); ++i) {
    nodelist += cat("    node {\n        name: ", nodes[i].name, "\n        nodeid: ", i + 1,
                    "\n        ring0_addr: ", nodes[i].address, "\n    }\n");
  }
  const std::string votes = nodes.size() == 1   ? "    expected_votes: 1\n"
                            : nodes.size() == 2 ? "    two_node: 1\n"
                                                : "";
  return R"(totem {
    version: 2
    cluster_name: hakitlab
    transport: knet
    crypto_cipher: none
    crypto_hash: none
    token: 1000
}
logging {
    to_stderr: yes
    to_logfile: no
    to_syslog: no
    timestamp: on
}
quorum {
    provider: corosync_votequorum
)" + votes +
         R"(}
nodelist {
)" + nodelist +
         "}\n";
}

std::string seed_cib() {
  return R"(<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.8" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="opt-stonith-enabled" name="stonith-enabled" value="false"/>
        <nvpair id="opt-dc-deadtime" name="dc-deadtime" value="2s"/>
        <nvpair id="opt-no-quorum-policy" name="no-quorum-policy" value="ignore"/>
      </cluster_property_set>
    </crm_config>
    <nodes/><resources/><constraints/>
  </configuration>
  <status/>
</cib>
)";
}

}  // namespace hakit::lab
