#!/bin/bash
# Times hakit's APC PDU fencing against the agents it replaces, side by side on the same
# simulated PDU (snmpd with a pass_persist APC rPDU, started through `hakit-lab apc-pdu`):
#   fence_hakit_rackpdu     vs fence_apc_snmp (Python, one snmpget/snmpset/snmpwalk
#                              process per request)
#   external/hakit-rackpdu  vs cluster-glue's external/rackpdu (run directly with its
#                              environment, as the stonith loader does, minus the loader's
#                              own 1 s sleep)
# for status and for off-with-confirmation of outlet "node2", named as Pacemaker names it
# (the PDU is switched back on before each run). external/rackpdu's status only pings the
# PDU's address and its off does not wait for the outlet to read off; the others ask the PDU
# and read the outlet back. Prints the numbers next to the target (hakit >= 5x faster for
# status and for off-with-confirmation); asserts nothing. Use an optimised build (the
# default RelWithDebInfo). Needs snmpd, snmp, fence-agents, cluster-glue, hyperfine and jq.
# Stops the simulated PDU on any exit.
#
# Usage: bench/rackpdu.sh [BUILD_DIR]    (default: build)
set -euo pipefail

build_dir=${1:-build}
hakit_agent=$(realpath "$build_dir/fence/fence_hakit_rackpdu")
hakit_plugin=$(realpath "$build_dir/external/hakit-rackpdu")
hakit_lab=$(realpath "$build_dir/tests/lab/hakit-lab")
anchor_agent=/usr/sbin/fence_apc_snmp
anchor_plugin=/usr/lib/stonith/plugins/external/rackpdu
speedup_target=5

for tool in hyperfine jq snmpd snmpget; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }
done
for program in "$hakit_agent" "$hakit_plugin" "$hakit_lab" "$anchor_agent" "$anchor_plugin"; do
  [ -x "$program" ] || { echo "bench: $program is missing (build first?)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/hakit-bench-rackpdu-XXXXXX)
coproc pdu { exec "$hakit_lab" apc-pdu --state "$work/pdu"; }
pdu_stdin=${pdu[1]}
cleanup() {
  exec {pdu_stdin}>&-  # end of input: hakit-lab stops snmpd and exits
  wait "$pdu_PID" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r port state_file <&"${pdu[0]}" || { echo "bench: the simulated PDU did not start" >&2; exit 1; }
cp "$state_file" "$work/all-on.json"

# The same PDU, community (SNMP v1) and outlet for everyone; only the way each takes them
# differs. The community is no secret here: flags keep hyperfine away from a shell.
agent_args="-a 127.0.0.1 -u $port -c private -d 1 -n node2"
export PATH=/usr/share/cluster-glue:$PATH  # external/rackpdu logs through ha_log.sh
export SNMP_PERSISTENT_DIR=$work/snmp  # where fence_apc_snmp's snmpget keeps its state
plugin_env="env hostlist=AUTO pduip=127.0.0.1:$port community=private"
# external/rackpdu's status pings pduip, which must then be a bare address.
anchor_status_env="env hostlist=AUTO pduip=127.0.0.1 community=private"

check() {
  local expected=$1
  shift
  local status=0
  "$@" >/dev/null 2>&1 || status=$?
  if [ "$status" -ne "$expected" ]; then
    echo "bench: '$*' returned $status, expected $expected" >&2
    exit 1
  fi
}
check 0 "$hakit_agent" $agent_args -o status
check 0 "$anchor_agent" $agent_args -o status
check 0 $plugin_env "$hakit_plugin" status
check 0 $anchor_status_env "$anchor_plugin" status
check 0 "$hakit_agent" $agent_args -o off
check 2 "$anchor_agent" $agent_args -o status
cp "$work/all-on.json" "$state_file"
check 0 $plugin_env "$anchor_plugin" off node2
check 2 "$hakit_agent" $agent_args -o status

hyperfine --shell=none --warmup 3 --min-runs 20 --prepare "cp $work/all-on.json $state_file" \
  --export-json "$work/status.json" \
  -n "hakit status" "$hakit_agent $agent_args -o status" \
  -n "anchor status" "$anchor_agent $agent_args -o status" \
  -n "hakit plugin status" "$plugin_env $hakit_plugin status" \
  -n "anchor plugin status" "$anchor_status_env $anchor_plugin status"

hyperfine --shell=none --warmup 1 --min-runs 10 --prepare "cp $work/all-on.json $state_file" \
  --export-json "$work/off.json" \
  -n "hakit off" "$hakit_agent $agent_args -o off" \
  -n "anchor off" "$anchor_agent $agent_args -o off" \
  -n "hakit plugin off" "$plugin_env $hakit_plugin off node2" \
  -n "anchor plugin off" "$plugin_env $anchor_plugin off node2"

mean_ms() {
  jq --arg name "$2" '.results[] | select(.command == $name) | .mean * 1000' "$work/$1.json"
}
row() {  # label, json, hakit name, anchor name, target
  awk -v label="$1" -v h="$(mean_ms "$2" "$3")" -v a="$(mean_ms "$2" "$4")" -v target="$5" \
    'BEGIN { printf "%-38s %9.1f ms %9.1f ms %8.1fx %8s\n", label, h, a, a / h, target }'
}

echo
echo "APC PDU fencing on a simulated rPDU (snmpd on 127.0.0.1:$port, SNMP v1, outlet node2)"
printf "%-38s %12s %12s %9s %8s\n" "action" "hakit" "anchor" "speedup" "target"
row "status (fence_apc_snmp)" status "hakit status" "anchor status" ">= ${speedup_target}x"
row "status (external/rackpdu: ping only)" status "hakit plugin status" "anchor plugin status" "-"
row "off, confirmed (fence_apc_snmp)" off "hakit off" "anchor off" ">= ${speedup_target}x"
row "off (external/rackpdu: unconfirmed)" off "hakit plugin off" "anchor plugin off" "-"
speedups=$(for file in status off; do
  awk -v h="$(mean_ms "$file" "hakit $file")" -v a="$(mean_ms "$file" "anchor $file")" \
    'BEGIN { print a / h }'
done)
verdict=$(awk -v target="$speedup_target" '$1 < target { missed = 1 }
  END { print missed ? "NOT met" : "met" }' <<<"$speedups")
echo
echo "targets (status and confirmed off >= ${speedup_target}x faster than fence_apc_snmp): $verdict (reported, not asserted)"
