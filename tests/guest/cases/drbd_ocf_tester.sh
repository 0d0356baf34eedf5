#!/bin/bash
# ocf-tester on ocf:hakit:drbd in one guest (DRBD 8.4, a peer that never answers), with the
# invocation used for ocf:linbit:drbd. Also: bad configurations give the right codes, and a
# stop whose configuration does not validate still takes DRBD down.
# hakit-guest: --disk 32M --timeout 600
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
source "$HAKIT_SOURCE_DIR/tests/guest/drbd.sh"

fake_crm_attribute
modprobe drbd
drbd_configure
drbd_create_md
# UpToDate data, so that promote is allowed without the peer.
drbdadm up r0 && drbdadm primary --force r0 && drbdadm secondary r0 && drbdadm down r0

tester() {
  ocf-tester -n r0 -o drbd_resource=r0 -o CRM_meta_clone_max=2 -o CRM_meta_clone_node_max=1 \
    -o CRM_meta_master_max=1 -o CRM_meta_master_node_max=1 -o CRM_meta_notify=true "$1"
}

step "ocf-tester on ocf:hakit:drbd"
output=$(tester /usr/lib/ocf/resource.d/hakit/drbd 2>&1) || fail "ocf-tester: $output"
echo "$output"
grep -q 'passed all tests' <<< "$output" || fail "ocf-tester did not pass"

step "bad configurations"
drbd_agent_environment r0
OCF_RESKEY_drbd_resource=nosuch expect_agent 5 validate-all  # not in the configuration
OCF_RESKEY_CRM_meta_interval=0 OCF_RESKEY_drbd_resource=nosuch expect_agent 7 monitor  # probe
OCF_RESKEY_drbd_resource='r0;x' expect_agent 6 validate-all
OCF_RESKEY_drbdconf=/nonexistent expect_agent 5 validate-all
OCF_RESKEY_CRM_meta_clone_node_max=2 expect_agent 6 validate-all
OCF_RESKEY_CRM_meta_notify=false expect_agent 6 start
OCF_RESKEY_require_drbd_module_version_ge=9.0.0 expect_agent 5 validate-all
OCF_RESKEY_require_drbd_module_version_lt=8.4.11 expect_agent 5 validate-all
OCF_RESKEY_require_drbd_module_version_ge=nine expect_agent 6 validate-all
drbdadm role r0 >/dev/null 2>&1 && fail "a refused start left r0 up"

step "stop with a broken configuration still takes DRBD down"
expect_agent 0 start
OCF_RESKEY_drbdconf=/nonexistent expect_agent 0 stop
drbdsetup events2 --now r0 | grep -q 'exists resource' && fail "r0 still up after the stop"
expect_agent 7 monitor
echo ok
