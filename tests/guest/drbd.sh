# shellcheck shell=bash
# DRBD helpers for guest cases (source after lib.sh): a two-node resource r0 on the guests'
# private disks over their link, written to /etc/drbd.d/ (the guest's root is a tmpfs overlay),
# the drbd agents' environment, and a crm_attribute that keeps promotion scores in files.

# drbd_configure [NET_OPTIONS]: /etc/drbd.d/r0.res for guest1 and guest2, with NET_OPTIONS
# added to its net section. With one guest, guest1 is on 127.0.0.1 and guest2 (on
# 127.0.0.2) never answers.
drbd_configure() {
  local peer_ip=${HAKIT_PEER_IP:-127.0.0.2}
  local me=${HAKIT_IP:-127.0.0.1}
  mkdir -p /etc/drbd.d
  cat > /etc/drbd.d/r0.res <<CONF
resource r0 {
  net {
    protocol C;
    ${1:-}
  }
  on guest1 {
    device /dev/drbd0;
    disk $HAKIT_DISK;
    address $([ "$HAKIT_NODE" = 1 ] && echo "$me" || echo "$peer_ip"):7789;
    meta-disk internal;
  }
  on guest2 {
    device /dev/drbd0;
    disk $HAKIT_DISK;
    address $([ "$HAKIT_NODE" = 2 ] && echo "$me" || echo "$peer_ip"):7789;
    meta-disk internal;
  }
}
CONF
}

# drbd_create_md: fresh meta-data on the private disk (create-md may ask twice; printf, not
# yes, which would die of SIGPIPE and fail the pipeline under pipefail).
drbd_create_md() {
  local output
  output=$(printf 'yes\nyes\n' | drbdadm create-md --force r0 2>&1) || fail "drbdadm create-md r0: $output"
}

# drbd_wait FIELD VALUE [SECONDS]: waits until `drbdadm FIELD r0` prints VALUE (default 120 s).
drbd_wait() {
  local field=$1 value=$2 limit=${3:-120} i
  for ((i = 0; i < limit * 5; i++)); do
    [ "$(drbdadm "$field" r0 2>/dev/null)" = "$value" ] && return 0
    sleep 0.2
  done
  fail "drbdadm $field r0 is '$(drbdadm "$field" r0 2>&1)' after $limit s, expected '$value'"
}

# drbd_skip_initial_sync: both (connected, Inconsistent) sides UpToDate without a full sync:
# the data is whatever the disks hold, which a test's own mkfs overwrites.
drbd_skip_initial_sync() {
  drbdadm -- --clear-bitmap new-current-uuid r0 || fail "drbdadm new-current-uuid --clear-bitmap"
}

# fake_crm_attribute: without a cluster in the guest, crm_attribute (and crm_master, which
# calls it) keeps promotion scores in /run/promotion/NAME and logs every call to
# /run/promotion/log (agents pass no HAKIT_* variables to their children). Handles
# --promotion or -n NAME, with -v VALUE, -D or -G/-q.
fake_crm_attribute() {
  mkdir -p /run/promotion
  cat > /usr/sbin/crm_attribute <<'FAKE'
#!/bin/bash
name="" value="" action=query
[ -n "${OCF_RESOURCE_INSTANCE:-}" ] && name=master-${OCF_RESOURCE_INSTANCE%%:*}
while [ $# -gt 0 ]; do
  case $1 in
    -n|--name) name=$2; shift ;;
    -v|--update) value=$2; action=set; shift ;;
    -D|--delete) action=delete ;;
    -l|--lifetime|-N|--node|-i|--id|-r|--resource) shift ;;
  esac
  shift
done
echo "$action $name $value" >> /run/promotion/log
case $action in
  set) echo "$value" > "/run/promotion/$name" ;;
  delete) rm -f "/run/promotion/$name" ;;
  query) [ -e "/run/promotion/$name" ] || exit 6; cat "/run/promotion/$name" ;;
esac
FAKE
  chmod 755 /usr/sbin/crm_attribute
}

# promotion_score RESOURCE: the score the fake crm_attribute holds, "none" when removed.
promotion_score() {
  cat "/run/promotion/master-$1" 2>/dev/null || echo none
}

# drbd_agent_environment RESOURCE [PROMOTED_MAX]: the environment Pacemaker gives an
# instance of a two-node promotable clone of RESOURCE with notify=true.
drbd_agent_environment() {
  ocf_environment
  export OCF_RESOURCE_INSTANCE=$1 OCF_RESKEY_drbd_resource=$1
  export OCF_RESKEY_CRM_meta_clone_max=2 OCF_RESKEY_CRM_meta_clone_node_max=1
  export OCF_RESKEY_CRM_meta_promoted_max=${2:-1} OCF_RESKEY_CRM_meta_promoted_node_max=1
  export OCF_RESKEY_CRM_meta_master_max=${2:-1} OCF_RESKEY_CRM_meta_master_node_max=1
  export OCF_RESKEY_CRM_meta_notify=true OCF_RESKEY_CRM_meta_interval=10000
}

# agent ACTION: runs ocf:hakit:drbd's ACTION and prints its exit code (the agent's stderr goes
# to the log).
agent() {
  local status=0
  /usr/lib/ocf/resource.d/hakit/drbd "$1" >&2 || status=$?
  echo "$status"
}

# expect_agent CODE ACTION: ocf:hakit:drbd's ACTION exits with CODE.
expect_agent() {
  local status
  status=$(agent "$2")
  [ "$status" = "$1" ] || fail "drbd $2 exited $status, expected $1 ($(drbdadm role r0 2>&1), $(drbdadm cstate r0 2>&1), $(drbdadm dstate r0 2>&1))"
  echo "drbd $2: $status"
}

# expect_score VALUE: the promotion score of r0 is VALUE ("none": removed).
expect_score() {
  local score
  score=$(promotion_score r0)
  [ "$score" = "$1" ] || fail "promotion score of r0 is $score, expected $1"
  echo "promotion score: $score"
}
