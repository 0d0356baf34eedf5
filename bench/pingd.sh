#!/bin/bash
# Monitor cost of hakit's pingd against ocf:pacemaker:ping for 1, 10 and 100 hosts
# (127.0.0.1 .. 127.0.0.N: loopback, every host answers), side by side: wall time and
# CPU per monitor (user + system of the agent and everything it runs, from hyperfine),
# and the processes each monitor spawns (strace). hakit's monitor is measured twice:
# in the steady state (score unchanged, and the attrd that took it still runs, so nothing
# is sent: lib/ocf/attrd_memo.h) and when an update is needed (its attrd record made to
# name another score before each run, as when the score changed: one attrd_updater; after
# an attrd restart or at start the agent also scans /proc for the new attrd, about 1.5 ms
# of CPU with 200 processes). ocf:pacemaker:ping runs attrd_updater at every monitor; it is
# measured with fping (its choice when installed) and with ping (use_fping=0); the latter
# pings one host after the other, 2 s each with the default attempts=3, so it is left
# out at 100 hosts (200 s, beyond its 60 s monitor timeout). Prints the numbers next to
# the targets for hakit's monitor (>= 20x less CPU than ping's, nothing spawned but the
# attrd update); asserts nothing. Use an optimised build (the default RelWithDebInfo).
#
# Both agents write their attribute through attrd, so this starts the lab's one-node
# cluster; it takes /run/hakit-lab.lock itself (do not run it under flock) and stops the
# cluster on any exit. Needs root, hyperfine, strace, jq and fping.
#
# Usage: bench/pingd.sh [BUILD_DIR] [--reaction]
#   --reaction  also runs the reaction-time comparison under Pacemaker (network
#               namespaces, about 4 minutes): tests/integration/pingd_pacemaker_test.cc
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir=build
reaction=false
for arg in "$@"; do
  case $arg in
    --reaction) reaction=true ;;
    *) build_dir=$arg ;;
  esac
done
hakit_agent=$(realpath "$build_dir/ocf/resource.d/hakit/pingd")
lab=$(realpath "$build_dir/tests/lab/hakit-lab")
integration=$(realpath "$build_dir/tests/integration/hakit_integration_tests")
shell_agent=/usr/lib/ocf/resource.d/pacemaker/ping
cpu_target=20

require_tools hyperfine strace jq fping attrd_updater
require_root "(cluster, raw ICMP sockets)"
require_programs "$hakit_agent" "$lab" "$shell_agent"

exec 9>/run/hakit-lab.lock
flock 9

make_workdir pingd
stop_cluster() { "$lab" cluster stop --state "$work/cluster" >/dev/null 2>&1; }
on_exit stop_cluster
"$lab" cluster start --state "$work/cluster" >/dev/null

# What Pacemaker's executor gives a recurring monitor; both agents get the same.
mkdir "$work/rsctmp"
export OCF_ROOT=/usr/lib/ocf OCF_RA_VERSION_MAJOR=1 OCF_RA_VERSION_MINOR=1
export OCF_RESKEY_CRM_meta_timeout=60000 OCF_RESKEY_CRM_meta_interval=10000
export HA_RSCTMP=$work/rsctmp HA_LOGFACILITY=none
export OCF_RESKEY_multiplier=100 OCF_RESKEY_dampen=5s

hosts_up_to() {
  local n=$1 i list=""
  for ((i = 1; i <= n; i++)); do list+="127.0.0.$i "; done
  echo "${list% }"
}

# with_variant VARIANT N COMMAND...: runs COMMAND with the agent configuration of VARIANT
# (hakit, fping or ping) for N hosts; {} in COMMAND stands for the agent. A subshell rather
# than env, so that COMMAND may be one of lib.sh's functions.
with_variant() {
  local variant=$1 n=$2
  shift 2
  local agent=$shell_agent
  local -a vars=("OCF_RESOURCE_INSTANCE=bench-$variant-$n" "OCF_RESKEY_name=bench_${variant}_$n"
                 "OCF_RESKEY_host_list=$(hosts_up_to "$n")")
  case $variant in
    hakit) agent=$hakit_agent ;;
    fping) vars+=(OCF_RESKEY_use_fping=1 "OCF_RESKEY_pidfile=$work/rsctmp/ping-fping-$n") ;;
    ping) vars+=(OCF_RESKEY_use_fping=0 "OCF_RESKEY_pidfile=$work/rsctmp/ping-ping-$n") ;;
  esac
  (
    export "${vars[@]}"
    "${@//\{\}/$agent}"
  )
}

# measure KEY VARIANT N [HYPERFINE_ARGS...]: the monitor of VARIANT with N hosts, its mean
# wall time, CPU and processes spawned kept under KEY.
declare -A wall cpu processes
measure() {
  local key=$1 variant=$2 n=$3
  shift 3
  local runs=(--warmup 3 --min-runs 20 --max-runs 300)
  [ "$variant" = ping ] && runs=(--runs 3)
  echo "bench: $key, $n hosts" >&2
  with_variant "$variant" "$n" run_hyperfine "$key-$n" --style=none "${runs[@]}" "$@" \
    "{} monitor" >/dev/null
  wall[$key-$n]=$(mean_ms "$key-$n")
  cpu[$key-$n]=$(cpu_ms "$key-$n")
}

for n in 1 10 100; do
  variants="hakit fping ping"
  [ "$n" -ge 100 ] && variants="hakit fping"
  for variant in $variants; do
    expect_status 0 with_variant "$variant" "$n" {} start
    expect_status 0 with_variant "$variant" "$n" {} monitor
    measure "$variant" "$variant" "$n"
    processes[$variant-$n]=$(with_variant "$variant" "$n" count_spawned {} monitor)
    if [ "$variant" = hakit ]; then
      # The state file is pingd-NAME in HA_RSCTMP; the attrd record sits beside it.
      record=$work/rsctmp/pingd-bench_hakit_$n.attrd
      [ -f "$record" ] || fail "no attrd record at $record"
      forget_score=(sed -i "s/^value=.*/value=-1/" "$record")
      measure hakit-update hakit "$n" --prepare "${forget_score[*]}"
      "${forget_score[@]}"
      processes[hakit-update-$n]=$(with_variant hakit "$n" count_spawned {} monitor)
    fi
    with_variant "$variant" "$n" {} stop >/dev/null 2>&1 || true
  done
done

# The attribute update both agents make when they send one, alone.
run_hyperfine attrd --style=none --warmup 3 --min-runs 20 \
  "attrd_updater -n bench_attrd -U 100 -d 5000ms" >/dev/null
attrd_cpu=$(cpu_ms attrd)
attrd_updater -n bench_attrd -D >/dev/null 2>&1 || true

echo
echo "pingd monitor on N loopback hosts, all answering (attempts=3, timeout=2, multiplier=100)"
echo "CPU = user + system of the monitor and its children; attrd_updater alone: $attrd_cpu ms"
printf "%-6s %-30s %11s %11s %10s\n" hosts agent wall CPU processes
for n in 1 10 100; do
  for key in hakit hakit-update fping ping; do
    case $key in
      hakit) label="hakit pingd, steady state" ;;
      hakit-update) label="hakit pingd, update needed" ;;
      fping) label="pacemaker ping (fping)" ;;
      ping) label="pacemaker ping (ping)" ;;
    esac
    if [ -z "${cpu[$key-$n]:-}" ]; then
      printf "%-6s %-30s %11s\n" "$n" "$label" "n/a: 2 s per host, one after the other"
      continue
    fi
    awk -v n="$n" -v label="$label" -v wall="${wall[$key-$n]}" -v cpu="${cpu[$key-$n]}" \
        -v procs="${processes[$key-$n]}" 'BEGIN {
      printf "%-6s %-30s %8.1f ms %8.2f ms %10d\n", n, label, wall, cpu, procs
    }'
  done
done
echo
for n in 1 10 100; do
  awk -v n="$n" -v h="${cpu[hakit-$n]}" -v u="${cpu[hakit-update-$n]}" -v f="${cpu[fping-$n]}" \
      -v p="${cpu[ping-$n]:-0}" -v target="$cpu_target" -v hp="${processes[hakit-$n]}" \
      -v up="${processes[hakit-update-$n]}" 'BEGIN {
    printf "%3d hosts: CPU ping(fping)/hakit steady %.1fx", n, f / h
    if (p > 0) printf ", ping(ping)/hakit steady %.1fx", p / h
    printf " (target >= %sx: %s)", target, f / h >= target && (p == 0 || p / h >= target) ? "met" : "NOT met"
    printf "; update needed: %.1fx", f / u
    if (p > 0) printf " and %.1fx", p / u
    printf "; hakit spawned %d steady, %d with an update (target 0, 1 = attrd_updater)\n", hp, up
  }'
done
echo "(reported, not asserted)"

if $reaction; then
  # The cluster and the lock are the reaction test's now.
  "$lab" cluster stop --state "$work/cluster" >/dev/null
  flock -u 9
  echo
  flock /run/hakit-lab.lock "$integration" "[reaction]" 2>&1 |
    sed -n '/dampen /,/^$/p'
fi
