#!/bin/bash
# Times hakit's DRAC 5 fencing against the agents it replaces, side by side on the same
# simulated DRAC (an sshd on 127.0.0.1 whose sessions run a fake racadm, started through
# `hakit-lab drac`), all logging in with the same key and checking the same known_hosts:
#   fence_hakit_drac5    vs fence_drac5 (python, an interactive ssh session via pexpect)
#   external/hakit-drac5 vs cluster-glue's external/drac5 (sh + ssh; run directly with its
#                           environment, as the stonith loader does, minus the loader's
#                           own 1 s sleep)
# for status and for off-with-confirmation (the server is switched on again before each
# run). external/drac5's off cannot be timed: it calls a function that does not exist
# (drac_poweroff) and fails; its reset (hardreset, nothing read back) is shown next to
# hakit's verified reset instead. Also counts the processes each status starts (strace).
# Prints the numbers next to the target (hakit >= 5x faster than fence_drac5 for status
# and for off-with-confirmation); asserts nothing. Use an optimised build (the default
# RelWithDebInfo). Needs sshd, fence-agents, cluster-glue, hyperfine, strace and jq.
# Stops the simulated DRAC on any exit.
#
# Usage: bench/drac5.sh [BUILD_DIR]    (default: build)
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

speedup_target=5

require_tools hyperfine jq strace /usr/sbin/sshd
require_root "to run the simulated DRAC's sshd"
fence_setup drac5 fence_drac5 drac5 "${1:-build}"
start_simulator "the simulated DRAC" "$hakit_lab" drac --state "$work/drac"
read -r port key known_hosts power_file <<<"$simulator_ready"
echo ON >"$work/on"

hakit_args="-a 127.0.0.1 -u $port -l root -k $key --known-hosts $known_hosts -n node5"
# fence_drac5 types at the DRAC's prompt through `ssh -t`; its ssh_options name the file.
anchor_args=(-a 127.0.0.1 -u "$port" -x -l root -k "$key"
  "--ssh-options=-o UserKnownHostsFile=$known_hosts -o BatchMode=yes -t")
anchor_args_words="-a 127.0.0.1 -u $port -x -l root -k $key '--ssh-options=-o UserKnownHostsFile=$known_hosts -o BatchMode=yes -t'"
# external/drac5 has no port or key parameter: its unquoted ipaddr carries ssh's options.
export hostname=node5 userid=root
hakit_plugin_env="env ipaddr=127.0.0.1 port=$port identity_file=$key known_hosts=$known_hosts"
anchor_ipaddr="127.0.0.1 -p $port -i $key -o UserKnownHostsFile=$known_hosts -o BatchMode=yes"
anchor_plugin_env="env 'ipaddr=$anchor_ipaddr'"

cp "$work/on" "$power_file"
# shellcheck disable=SC2086 # word-split on purpose: these are argument lists
expect_status 0 "$hakit_agent" $hakit_args -o status
expect_status 0 "$anchor_agent" "${anchor_args[@]}" -o status
expect_status 0 env ipaddr=127.0.0.1 port="$port" identity_file="$key" \
  known_hosts="$known_hosts" "$hakit_plugin" status
expect_status 0 env ipaddr="$anchor_ipaddr" "$anchor_plugin" status
if env ipaddr="$anchor_ipaddr" "$anchor_plugin" off node5 >/dev/null 2>&1; then
  echo "bench: external/drac5 off worked: its drac_poweroff bug is fixed, time it too" >&2
fi

run_hyperfine status --warmup 3 --min-runs 20 \
  -n "hakit status" "$hakit_agent $hakit_args -o status" \
  -n "anchor status" "$anchor_agent $anchor_args_words -o status" \
  -n "hakit plugin status" "$hakit_plugin_env $hakit_plugin status" \
  -n "anchor plugin status" "$anchor_plugin_env $anchor_plugin status"

run_hyperfine off --warmup 1 --min-runs 10 --prepare "cp $work/on $power_file" \
  -n "hakit off" "$hakit_agent $hakit_args -o off" \
  -n "anchor off" "$anchor_agent $anchor_args_words -o off" \
  -n "hakit plugin reset" "$hakit_plugin_env $hakit_plugin reset node5" \
  -n "anchor plugin reset" "$anchor_plugin_env $anchor_plugin reset node5"

# shellcheck disable=SC2086
hakit_spawned=$(count_spawned "$hakit_agent" $hakit_args -o status)
anchor_spawned=$(count_spawned "$anchor_agent" "${anchor_args[@]}" -o status)

echo
echo "DRAC 5 fencing on a simulated DRAC (sshd + racadm on 127.0.0.1:$port)"
table_begin 36 anchor 1 8
compare_row status "status (fence_drac5)" "hakit status" "anchor status" "$speedup_target"
compare_row off "off, confirmed (fence_drac5)" "hakit off" "anchor off" "$speedup_target"
compare_row status "status (external/drac5)" "hakit plugin status" "anchor plugin status"
compare_row off "reset (external/drac5: unconfirmed)" "hakit plugin reset" "anchor plugin reset"
count_row "status: processes started" "$hakit_spawned" "$anchor_spawned"
echo "off (external/drac5): fails, it calls drac_poweroff, which does not exist"
echo
echo "targets (status and confirmed off >= ${speedup_target}x faster than fence_drac5): $(targets_verdict) (reported, not asserted)"
