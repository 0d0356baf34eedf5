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

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

speedup_target=5

require_tools hyperfine jq snmpd snmpget
fence_setup rackpdu fence_apc_snmp rackpdu "${1:-build}"
start_simulator "the simulated PDU" "$hakit_lab" apc-pdu --state "$work/pdu"
read -r port state_file <<<"$simulator_ready"
cp "$state_file" "$work/all-on.json"

# The same PDU, community (SNMP v1) and outlet for everyone; only the way each takes them
# differs. The community is no secret here: flags keep hyperfine away from a shell.
agent_args="-a 127.0.0.1 -u $port -c private -d 1 -n node2"
export SNMP_PERSISTENT_DIR=$work/snmp  # where fence_apc_snmp's snmpget keeps its state
plugin_env="env hostlist=AUTO pduip=127.0.0.1:$port community=private"
# external/rackpdu's status pings pduip, which must then be a bare address.
anchor_status_env="env hostlist=AUTO pduip=127.0.0.1 community=private"

# All answer before anything is timed, and each reads back what another switched off.
# shellcheck disable=SC2086 # word-split on purpose: argument lists
{
  expect_status 0 "$hakit_agent" $agent_args -o status
  expect_status 0 "$anchor_agent" $agent_args -o status
  expect_status 0 $plugin_env "$hakit_plugin" status
  expect_status 0 $anchor_status_env "$anchor_plugin" status
  expect_status 0 "$hakit_agent" $agent_args -o off
  expect_status 2 "$anchor_agent" $agent_args -o status
  cp "$work/all-on.json" "$state_file"
  expect_status 0 $plugin_env "$anchor_plugin" off node2
  expect_status 2 "$hakit_agent" $agent_args -o status
}

run_hyperfine status --warmup 3 --min-runs 20 --prepare "cp $work/all-on.json $state_file" \
  -n "hakit status" "$hakit_agent $agent_args -o status" \
  -n "anchor status" "$anchor_agent $agent_args -o status" \
  -n "hakit plugin status" "$plugin_env $hakit_plugin status" \
  -n "anchor plugin status" "$anchor_status_env $anchor_plugin status"

run_hyperfine off --warmup 1 --min-runs 10 --prepare "cp $work/all-on.json $state_file" \
  -n "hakit off" "$hakit_agent $agent_args -o off" \
  -n "anchor off" "$anchor_agent $agent_args -o off" \
  -n "hakit plugin off" "$plugin_env $hakit_plugin off node2" \
  -n "anchor plugin off" "$plugin_env $anchor_plugin off node2"

echo
echo "APC PDU fencing on a simulated rPDU (snmpd on 127.0.0.1:$port, SNMP v1, outlet node2)"
table_begin 38 anchor 1 8
compare_row status "status (fence_apc_snmp)" "hakit status" "anchor status" "$speedup_target"
compare_row status "status (external/rackpdu: ping only)" "hakit plugin status" \
  "anchor plugin status"
compare_row off "off, confirmed (fence_apc_snmp)" "hakit off" "anchor off" "$speedup_target"
compare_row off "off (external/rackpdu: unconfirmed)" "hakit plugin off" "anchor plugin off"
echo
echo "targets (status and confirmed off >= ${speedup_target}x faster than fence_apc_snmp): $(targets_verdict) (reported, not asserted)"
