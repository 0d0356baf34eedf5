# shellcheck shell=bash
# Helpers for guest cases (tests/guest/cases/*.sh), which source this file:
#   source "$HAKIT_SOURCE_DIR/tests/guest/lib.sh"
# Cases run with set -euo pipefail semantics of their own choosing; these helpers fail the
# case (exit 1, with a message) when an expectation does not hold.

# fail MESSAGE...: ends the case as failed.
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# skip MESSAGE...: ends the case as skipped (ctest SKIP_RETURN_CODE 77).
skip() {
  echo "SKIP: $*" >&2
  exit 77
}

# step MESSAGE...: a headline in the log.
step() {
  echo "== guest$HAKIT_NODE $(cut -d' ' -f1 /proc/uptime)s: $*"
}

# expect_status CODE COMMAND...: runs COMMAND (its output to the log) and fails the case
# unless it exits with CODE.
expect_status() {
  local expected=$1 status=0
  shift
  "$@" || status=$?
  [ "$status" -eq "$expected" ] || fail "'$*' exited $status, expected $expected"
}

# barrier NAME: waits until every guest reached barrier NAME (through the run's shared
# directory), at most 600 s.
barrier() {
  local name=$1 waited=0
  touch "$HAKIT_SHARED/barrier-$name.$HAKIT_NODE"
  while [ "$(find "$HAKIT_SHARED" -name "barrier-$name.*" | wc -l)" -lt "$HAKIT_NODES" ]; do
    sleep 0.2
    waited=$((waited + 1))
    [ "$waited" -lt 3000 ] || fail "barrier $name: the other guest never came"
  done
}

# share NAME VALUE / shared NAME: a value one guest gives the others.
share() {
  printf '%s\n' "$2" > "$HAKIT_SHARED/value-$1.tmp"
  mv "$HAKIT_SHARED/value-$1.tmp" "$HAKIT_SHARED/value-$1"
}
shared() {
  cat "$HAKIT_SHARED/value-$1"
}

# ocf_environment: what Pacemaker's executor gives an agent, for running agents by hand.
ocf_environment() {
  export OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1
  export HA_RSCTMP=/run/resource-agents HA_LOGFACILITY=none HA_debug=0
  export OCF_RESKEY_CRM_meta_timeout=${OCF_RESKEY_CRM_meta_timeout:-60000}
}
