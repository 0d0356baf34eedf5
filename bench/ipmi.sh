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

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

speedup_target=5

require_tools hyperfine jq ipmi_sim ipmitool
fence_setup ipmi fence_ipmilan ipmi "${1:-build}"
start_simulator "the simulated BMC" "$hakit_lab" ipmi-bmc --state "$work/bmc"
read -r port power_file <<<"$simulator_ready"
echo 1 >"$work/on"

# The same BMC, user and password for everyone; only the way each takes them differs.
agent_args="-a 127.0.0.1 -u $port -l admin -p secret"
# external/ipmi has no port parameter: its unquoted ipaddr and interface carry -p and -C.
export hostname=node2 userid=admin passwd=secret
hakit_plugin_env="env ipaddr=127.0.0.1 ipport=$port interface=lanplus"
anchor_plugin_env="env ipaddr='127.0.0.1 -p $port' interface='lanplus -C 3'"

cp "$work/on" "$power_file"
# shellcheck disable=SC2086 # word-split on purpose: an argument list
{
  expect_status 0 "$hakit_agent" $agent_args -P -o status
  expect_status 0 "$anchor_agent" $agent_args -P -C 3 -o status
}
expect_status 0 env ipaddr=127.0.0.1 ipport="$port" interface=lanplus "$hakit_plugin" status
expect_status 0 env ipaddr="127.0.0.1 -p $port" interface="lanplus -C 3" "$anchor_plugin" status

run_hyperfine status --warmup 3 --min-runs 20 \
  -n "hakit status lanplus" "$hakit_agent $agent_args -P -o status" \
  -n "anchor status lanplus" "$anchor_agent $agent_args -P -C 3 -o status" \
  -n "hakit status lan" "$hakit_agent $agent_args -o status" \
  -n "anchor status lan" "$anchor_agent $agent_args -o status" \
  -n "hakit plugin status" "$hakit_plugin_env $hakit_plugin status" \
  -n "anchor plugin status" "$anchor_plugin_env $anchor_plugin status"

run_hyperfine off --warmup 1 --min-runs 10 --prepare "cp $work/on $power_file" \
  -n "hakit off lanplus" "$hakit_agent $agent_args -P -o off" \
  -n "anchor off lanplus" "$anchor_agent $agent_args -P -C 3 -o off" \
  -n "hakit off lan" "$hakit_agent $agent_args -o off" \
  -n "anchor off lan" "$anchor_agent $agent_args -o off" \
  -n "hakit plugin off" "$hakit_plugin_env $hakit_plugin off node2" \
  -n "anchor plugin off" "$anchor_plugin_env $anchor_plugin off node2"

echo
echo "IPMI fencing on a simulated BMC (ipmi_sim on 127.0.0.1:$port)"
table_begin 34 anchor 1 8
compare_row status "status, lanplus (fence_ipmilan)" "hakit status lanplus" \
  "anchor status lanplus" "$speedup_target"
compare_row status "status, lan (fence_ipmilan)" "hakit status lan" "anchor status lan" \
  "$speedup_target"
compare_row status "status (external/ipmi)" "hakit plugin status" "anchor plugin status"
compare_row off "off, confirmed, lanplus" "hakit off lanplus" "anchor off lanplus" \
  "$speedup_target"
compare_row off "off, confirmed, lan" "hakit off lan" "anchor off lan" "$speedup_target"
compare_row off "off (external/ipmi: unconfirmed)" "hakit plugin off" "anchor plugin off"
echo
echo "targets (status and confirmed off >= ${speedup_target}x faster than fence_ipmilan): $(targets_verdict) (reported, not asserted)"
