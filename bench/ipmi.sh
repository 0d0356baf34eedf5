#!/bin/bash
# Times hakit's IPMI fencing against the agents it replaces, side by side on the same
# simulated BMC (OpenIPMI's ipmi_sim, started through `hakit-lab ipmi-bmc`):
#   fence_hakit_ipmi   vs fence_ipmilan (ipmitool; lanplus with -C 3, else it probes
#                         cipher suites for 10 s)    over lanplus and over lan
#   external/hakit-ipmi vs cluster-glue's external/ipmi (run directly with its environment,
#                         as the stonith loader does, minus the loader's own 1 s sleep)
# for status (power on) and for off-with-confirmation (the machine is switched on again
# before each run). external/ipmi's off does not wait for the off to show; the others read
# it back. Prints the numbers next to the target (hakit >= 5x faster for status and for
# off-with-confirmation); asserts nothing. Use an optimised build (the default
# RelWithDebInfo). Needs ipmi_sim, ipmitool, fence-agents, cluster-glue, hyperfine and jq.
# Stops the simulated BMC on any exit.
#
# Usage: bench/ipmi.sh [BUILD_DIR]    (default: build)
set -euo pipefail

build_dir=${1:-build}
hakit_agent=$(realpath "$build_dir/fence/fence_hakit_ipmi")
hakit_plugin=$(realpath "$build_dir/external/hakit-ipmi")
hakit_lab=$(realpath "$build_dir/tests/lab/hakit-lab")
anchor_agent=/usr/sbin/fence_ipmilan
anchor_plugin=/usr/lib/stonith/plugins/external/ipmi
speedup_target=5

for tool in hyperfine jq ipmi_sim ipmitool; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }
done
for program in "$hakit_agent" "$hakit_plugin" "$hakit_lab" "$anchor_agent" "$anchor_plugin"; do
  [ -x "$program" ] || { echo "bench: $program is missing (build first?)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/hakit-bench-ipmi-XXXXXX)
coproc bmc { exec "$hakit_lab" ipmi-bmc --state "$work/bmc"; }
bmc_stdin=${bmc[1]}
cleanup() {
  exec {bmc_stdin}>&-  # end of input: hakit-lab stops ipmi_sim and exits
  wait "$bmc_PID" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r port power_file <&"${bmc[0]}" || { echo "bench: the simulated BMC did not start" >&2; exit 1; }
echo 1 >"$work/on"

# The same BMC, user and password for everyone; only the way each takes them differs.
agent_args="-a 127.0.0.1 -u $port -l admin -p secret"
# external/ipmi has no port parameter: its unquoted ipaddr and interface carry -p and -C.
export hostname=node2 userid=admin passwd=secret
export PATH=/usr/share/cluster-glue:$PATH  # external/ipmi logs through ha_log.sh
hakit_plugin_env="env ipaddr=127.0.0.1 ipport=$port interface=lanplus"
anchor_plugin_env="env ipaddr='127.0.0.1 -p $port' interface='lanplus -C 3'"

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
cp "$work/on" "$power_file"
check 0 "$hakit_agent" $agent_args -P -o status
check 0 "$anchor_agent" $agent_args -P -C 3 -o status
check 0 env ipaddr=127.0.0.1 ipport="$port" interface=lanplus "$hakit_plugin" status
check 0 env ipaddr="127.0.0.1 -p $port" interface="lanplus -C 3" "$anchor_plugin" status

hyperfine --shell=none --warmup 3 --min-runs 20 --export-json "$work/status.json" \
  -n "hakit status lanplus" "$hakit_agent $agent_args -P -o status" \
  -n "anchor status lanplus" "$anchor_agent $agent_args -P -C 3 -o status" \
  -n "hakit status lan" "$hakit_agent $agent_args -o status" \
  -n "anchor status lan" "$anchor_agent $agent_args -o status" \
  -n "hakit plugin status" "$hakit_plugin_env $hakit_plugin status" \
  -n "anchor plugin status" "$anchor_plugin_env $anchor_plugin status"

hyperfine --shell=none --warmup 1 --min-runs 10 --prepare "cp $work/on $power_file" \
  --export-json "$work/off.json" \
  -n "hakit off lanplus" "$hakit_agent $agent_args -P -o off" \
  -n "anchor off lanplus" "$anchor_agent $agent_args -P -C 3 -o off" \
  -n "hakit off lan" "$hakit_agent $agent_args -o off" \
  -n "anchor off lan" "$anchor_agent $agent_args -o off" \
  -n "hakit plugin off" "$hakit_plugin_env $hakit_plugin off node2" \
  -n "anchor plugin off" "$anchor_plugin_env $anchor_plugin off node2"

mean_ms() {
  jq --arg name "$2" '.results[] | select(.command == $name) | .mean * 1000' "$work/$1.json"
}
row() {  # label, json, hakit name, anchor name, target
  awk -v label="$1" -v h="$(mean_ms "$2" "$3")" -v a="$(mean_ms "$2" "$4")" -v target="$5" \
    'BEGIN { printf "%-34s %9.1f ms %9.1f ms %8.1fx %8s\n", label, h, a, a / h, target }'
}

echo
echo "IPMI fencing on a simulated BMC (ipmi_sim on 127.0.0.1:$port)"
printf "%-34s %12s %12s %9s %8s\n" "action" "hakit" "anchor" "speedup" "target"
row "status, lanplus (fence_ipmilan)" status "hakit status lanplus" "anchor status lanplus" \
  ">= ${speedup_target}x"
row "status, lan (fence_ipmilan)" status "hakit status lan" "anchor status lan" \
  ">= ${speedup_target}x"
row "status (external/ipmi)" status "hakit plugin status" "anchor plugin status" "-"
row "off, confirmed, lanplus" off "hakit off lanplus" "anchor off lanplus" ">= ${speedup_target}x"
row "off, confirmed, lan" off "hakit off lan" "anchor off lan" ">= ${speedup_target}x"
row "off (external/ipmi: unconfirmed)" off "hakit plugin off" "anchor plugin off" "-"
speedups=$(for pair in "status:status lanplus" "status:status lan" "off:off lanplus" \
  "off:off lan"; do
  file=${pair%%:*} name=${pair#*:}
  awk -v h="$(mean_ms "$file" "hakit $name")" -v a="$(mean_ms "$file" "anchor $name")" \
    'BEGIN { print a / h }'
done)
verdict=$(awk -v target="$speedup_target" '$1 < target { missed = 1 }
  END { print missed ? "NOT met" : "met" }' <<<"$speedups")
echo
echo "targets (status and confirmed off >= ${speedup_target}x faster than fence_ipmilan): $verdict (reported, not asserted)"
