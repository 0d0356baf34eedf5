#!/bin/bash
# ocf:hakit:LVM-activate and the legacy ocf:hakit:LVM against the real device-mapper: a VG
# and one LV activated and deactivated exclusively in system_id and in tagging mode, the
# monitor's answer after the test deactivates behind the agent's back, configuration
# errors (ERR_CONFIGURED at start, never a failed stop), the SLES book's LVMforVM1, and
# ocf-tester. Real tool outputs go to $HAKIT_RESULTS/captures for the parsers' unit tests.
# hakit-guest: --disk 96M --timeout 900
set -euo pipefail
source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
ocf_environment

RA=/usr/lib/ocf/resource.d/hakit/LVM-activate
LEGACY=/usr/lib/ocf/resource.d/hakit/LVM
CAPTURES=$HAKIT_RESULTS/captures/lvm
mkdir -p "$CAPTURES"
export OCF_RESOURCE_INSTANCE=vg OCF_RESKEY_CRM_meta_interval=0

capture() {  # capture NAME COMMAND...: keeps a real output for the unit tests
  local name=$1
  shift
  "$@" > "$CAPTURES/guest-$name" 2>&1 || true
}
run() {  # run EXPECTED_STATUS ACTION [AGENT]: one action of LVM-activate (or AGENT)
  local expected=$1 action=$2 agent=${3:-$RA}
  echo "-- $(basename "$agent") $action (vg_access_mode=${OCF_RESKEY_vg_access_mode:-} lvname=${OCF_RESKEY_lvname:-})"
  expect_status "$expected" "$agent" "$action"
}
active() {  # active VG/LV: the kernel has its device-mapper device
  dmsetup info "$(echo "$1" | sed 's/-/--/g; s|/|-|')" >/dev/null 2>&1
}
lvm_conf() {  # lvm_conf TEXT: this guest's whole lvm.conf (the overlay makes /etc writable)
  printf '%s\n' "$1" > /etc/lvm/lvm.conf
}
vgs_json() { vgs --reportformat json -o vg_name,vg_attr,vg_lock_type,vg_systemid,vg_tags,lv_count,vg_autoactivation vgha; }
lvs_json() { lvs --reportformat json -o vg_name,lv_name,lv_attr,lv_active vgha; }

step "a VG with two LVs, owned by this node's system ID (uname)"
lvm_conf 'global { system_id_source = "uname" }'
pvcreate -q -ff -y "$HAKIT_DISK"
vgcreate -q vgha "$HAKIT_DISK"
lvcreate -q -an -Zn -L 8M -n data vgha
lvcreate -q -an -Zn -L 8M -n my-logs vgha
capture vgs-systemid-inactive.json vgs_json
capture lvs-inactive.json lvs_json
capture lvm-systemid.txt lvm systemid
capture lvmconfig-system_id_source.txt lvmconfig global/system_id_source

step "system_id: the whole VG"
export OCF_RESKEY_vgname=vgha OCF_RESKEY_vg_access_mode=system_id
run 7 monitor
run 0 validate-all
run 0 start
active vgha/data && active vgha/my-logs || fail "start did not activate both LVs"
capture vgs-systemid-active.json vgs_json
capture lvs-active.json lvs_json
[ "$(vgs --noheadings -o vg_autoactivation vgha | tr -d ' ')" = "" ] ||
  fail "system_id start left autoactivation enabled"
export OCF_RESKEY_CRM_meta_interval=30000
run 0 monitor
OCF_CHECK_LEVEL=10 run 0 monitor
OCF_CHECK_LEVEL=20 run 6 monitor
vgchange -q -an vgha  # behind the agent's back
run 7 monitor
run 0 start
run 0 start  # already active
run 0 stop
active vgha/data && fail "stop left vgha/data active"
run 7 monitor
run 0 stop  # already stopped

step "system_id: one LV"
export OCF_RESKEY_lvname=my-logs
run 0 start
active vgha/my-logs || fail "my-logs not active"
active vgha/data && fail "data activated too"
run 0 monitor
lvchange -q -an vgha/my-logs  # behind the agent's back
run 7 monitor
run 0 start
run 0 stop
run 7 monitor
unset OCF_RESKEY_lvname

step "system_id: taking the VG over from another node's ID"
vgchange -q -y --systemid othernode vgha
capture vgs-foreign.json vgs --foreign --reportformat json -o vg_name,vg_attr,vg_lock_type,vg_systemid,vg_tags,lv_count,vg_autoactivation vgha
run 0 start
[ "$(vgs --noheadings -o vg_systemid vgha | tr -d ' ')" = "$(uname -n)" ] || fail "system ID not taken over"
run 0 stop

step "configuration errors: ERR_CONFIGURED at start, stop still deactivates"
OCF_RESKEY_vg_access_mode=bogus run 6 validate-all
OCF_RESKEY_vg_access_mode=bogus run 6 start
OCF_RESKEY_activation_mode=sometimes run 6 start
OCF_RESKEY_activation_mode=shared run 6 start
OCF_RESKEY_vg_access_mode=lvmlockd run 6 start
OCF_RESKEY_lvname=nosuchlv run 6 start
OCF_RESKEY_vgname=nosuchvg run 1 start
active vgha/data && fail "a refused start activated something"
run 0 start
OCF_RESKEY_vg_access_mode=bogus run 0 stop
active vgha/data && fail "stop with a bad vg_access_mode left vgha/data active"
OCF_RESKEY_vg_access_mode=bogus run 7 monitor

step "system_id with a volume_list that filters the VG out: start fails (PR #1909)"
lvm_conf 'global { system_id_source = "uname" }
activation { volume_list = [ "@nothing" ] }'
run 1 start
active vgha/data && fail "filtered VG active"
lvm_conf 'global { system_id_source = "uname" }'
vgchange -q -y --systemid "" vgha

step "tagging: the whole VG"
lvm_conf 'activation { volume_list = [ "@guest-root-only" ] }'
capture lvmconfig-volume_list.txt lvmconfig activation/volume_list
capture vgs-plain.json vgs_json
export OCF_RESKEY_vg_access_mode=tagging
vgchange -q --addtag othernode vgha
run 0 start
active vgha/data || fail "tagging start did not activate"
capture vgs-tagged-active.json vgs_json
[ "$(vgs --noheadings -o vg_tags vgha | tr -d ' ')" = pacemaker ] || fail "tags: $(vgs --noheadings -o vg_tags vgha)"
run 0 monitor
vgchange -q -an vgha  # behind the agent's back
run 7 monitor
run 0 start
run 0 stop
[ -z "$(vgs --noheadings -o vg_tags vgha | tr -d ' ')" ] || fail "stop left tags"
run 7 monitor
vgchange -q -ay vgha && active vgha/data && fail "volume_list did not protect the untagged VG"

step "tagging: one LV, own tag"
export OCF_RESKEY_lvname=data OCF_RESKEY_tag=node-owner
run 0 start
active vgha/data || fail "data not active"
active vgha/my-logs && fail "my-logs activated too"
run 0 monitor
run 0 stop
run 7 monitor
unset OCF_RESKEY_lvname OCF_RESKEY_tag
lvm_conf 'activation { volume_list = [ "@pacemaker" ] }'
run 2 start  # the volume_list admits the tag itself: no protection
lvm_conf 'activation { volume_list = [ "@guest-root-only" ] }'

step "legacy ocf:hakit:LVM: the SLES book's LVMforVM1 (volgrpname, exclusive=true)"
unset OCF_RESKEY_vgname OCF_RESKEY_vg_access_mode
export OCF_RESKEY_volgrpname=vgha OCF_RESKEY_exclusive=true
run 7 monitor "$LEGACY"
run 0 start "$LEGACY"
active vgha/data || fail "LVM did not activate"
run 0 status "$LEGACY"
run 0 monitor "$LEGACY"
run 0 stop "$LEGACY"
run 7 monitor "$LEGACY"
lvm_conf 'devices { }'  # no volume_list, no system ID
export OCF_RESKEY_exclusive=false
run 0 start "$LEGACY"
run 0 stop "$LEGACY"
unset OCF_RESKEY_volgrpname OCF_RESKEY_exclusive

step "examples/lvm.crm loads into a CIB (crmsh, a file-backed CIB)"
cibadmin --empty > /tmp/cib.xml
CIB_file=/tmp/cib.xml crm configure load update "$HAKIT_SOURCE_DIR/examples/lvm.crm" || true
CIB_file=/tmp/cib.xml crm configure show LVMforVM1 | tee /dev/stderr | grep -q 'ocf:hakit:LVM' ||
  fail "examples/lvm.crm did not load"

step "ocf-tester on LVM-activate"
lvm_conf 'global { system_id_source = "uname" }'
vgchange -q --systemid "$(uname -n)" vgha
unset OCF_RESKEY_CRM_meta_interval
ocf-tester -n vg -o vgname=vgha -o vg_access_mode=system_id "$RA" ||
  fail "ocf-tester failed"
echo ok
