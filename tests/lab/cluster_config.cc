#include "cluster_config.h"

namespace hakit::lab {

std::string corosync_config() {
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
    expected_votes: 1
}
nodelist {
    node {
        name: node1
        nodeid: 1
        ring0_addr: 127.0.0.1
    }
}
)";
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
