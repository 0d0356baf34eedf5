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

build_dir=${1:-build}
hakit_agent=$(realpath "$build_dir/fence/fence_hakit_drac5")
hakit_plugin=$(realpath "$build_dir/external/hakit-drac5")
hakit_lab=$(realpath "$build_dir/tests/lab/hakit-lab")
anchor_agent=/usr/sbin/fence_drac5
anchor_plugin=/usr/lib/stonith/plugins/external/drac5
speedup_target=5

for tool in hyperfine jq strace /usr/sbin/sshd; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed" >&2; exit 1; }
done
for program in "$hakit_agent" "$hakit_plugin" "$hakit_lab" "$anchor_agent" "$anchor_plugin"; do
  [ -x "$program" ] || { echo "bench: $program is missing (build first?)" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "bench: needs root to run the simulated DRAC's sshd" >&2; exit 1; }

work=$(mktemp -d /tmp/hakit-bench-drac5-XXXXXX)
coproc drac { exec "$hakit_lab" drac --state "$work/drac"; }
drac_stdin=${drac[1]}
cleanup() {
  exec {drac_stdin}>&-  # end of input: hakit-lab stops sshd and exits
  wait "$drac_PID" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r port key known_hosts power_file <&"${drac[0]}" ||
  { echo "bench: the simulated DRAC did not start" >&2; exit 1; }
echo ON >"$work/on"

hakit_args="-a 127.0.0.1 -u $port -l root -k $key --known-hosts $known_hosts -n node5"
# fence_drac5 types at the DRAC's prompt through `ssh -t`; its ssh_options name the file.
anchor_args=(-a 127.0.0.1 -u "$port" -x -l root -k "$key"
  "--ssh-options=-o UserKnownHostsFile=$known_hosts -o BatchMode=yes -t")
anchor_args_words="-a 127.0.0.1 -u $port -x -l root -k $key '--ssh-options=-o UserKnownHostsFile=$known_hosts -o BatchMode=yes -t'"
# external/drac5 has no port or key parameter: its unquoted ipaddr carries ssh's options.
export hostname=node5 userid=root
export PATH=/usr/share/cluster-glue:$PATH  # external/drac5 logs through ha_log.sh
hakit_plugin_env="env ipaddr=127.0.0.1 port=$port identity_file=$key known_hosts=$known_hosts"
anchor_ipaddr="127.0.0.1 -p $port -i $key -o UserKnownHostsFile=$known_hosts -o BatchMode=yes"
anchor_plugin_env="env 'ipaddr=$anchor_ipaddr'"

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
# shellcheck disable=SC2086 # word-split on purpose: these are argument lists
check 0 "$hakit_agent" $hakit_args -o status
check 0 "$anchor_agent" "${anchor_args[@]}" -o status
check 0 env ipaddr=127.0.0.1 port="$port" identity_file="$key" known_hosts="$known_hosts" \
  "$hakit_plugin" status
check 0 env ipaddr="$anchor_ipaddr" "$anchor_plugin" status
if env ipaddr="$anchor_ipaddr" "$anchor_plugin" off node5 >/dev/null 2>&1; then
  echo "bench: external/drac5 off worked: its drac_poweroff bug is fixed, time it too" >&2
fi

hyperfine --shell=none --warmup 3 --min-runs 20 --export-json "$work/status.json" \
  -n "hakit status" "$hakit_agent $hakit_args -o status" \
  -n "anchor status" "$anchor_agent $anchor_args_words -o status" \
  -n "hakit plugin status" "$hakit_plugin_env $hakit_plugin status" \
  -n "anchor plugin status" "$anchor_plugin_env $anchor_plugin status"

hyperfine --shell=none --warmup 1 --min-runs 10 --prepare "cp $work/on $power_file" \
  --export-json "$work/off.json" \
  -n "hakit off" "$hakit_agent $hakit_args -o off" \
  -n "anchor off" "$anchor_agent $anchor_args_words -o off" \
  -n "hakit plugin reset" "$hakit_plugin_env $hakit_plugin reset node5" \
  -n "anchor plugin reset" "$anchor_plugin_env $anchor_plugin reset node5"

# Processes a status starts: successful execve calls in the whole tree, minus its own.
spawned() {
  strace -f -qq -e trace=execve -o "$work/execve.trace" "$@" >/dev/null 2>&1 || true
  echo $(($(grep -c ' = 0$' "$work/execve.trace") - 1))
}
# shellcheck disable=SC2086
hakit_spawned=$(spawned "$hakit_agent" $hakit_args -o status)
anchor_spawned=$(spawned "$anchor_agent" "${anchor_args[@]}" -o status)

mean_ms() {
  jq --arg name "$2" '.results[] | select(.command == $name) | .mean * 1000' "$work/$1.json"
}
row() {  # label, json, hakit name, anchor name, target
  awk -v label="$1" -v h="$(mean_ms "$2" "$3")" -v a="$(mean_ms "$2" "$4")" -v target="$5" \
    'BEGIN { printf "%-36s %9.1f ms %9.1f ms %8.1fx %8s\n", label, h, a, a / h, target }'
}

echo
echo "DRAC 5 fencing on a simulated DRAC (sshd + racadm on 127.0.0.1:$port)"
printf "%-36s %12s %12s %9s %8s\n" "action" "hakit" "anchor" "speedup" "target"
row "status (fence_drac5)" status "hakit status" "anchor status" ">= ${speedup_target}x"
row "off, confirmed (fence_drac5)" off "hakit off" "anchor off" ">= ${speedup_target}x"
row "status (external/drac5)" status "hakit plugin status" "anchor plugin status" "-"
row "reset (external/drac5: unconfirmed)" off "hakit plugin reset" "anchor plugin reset" "-"
printf "%-36s %12d %12d\n" "status: processes started" "$hakit_spawned" "$anchor_spawned"
echo "off (external/drac5): fails, it calls drac_poweroff, which does not exist"
speedups=$(for pair in "status:status" "off:off"; do
  file=${pair%%:*} name=${pair#*:}
  awk -v h="$(mean_ms "$file" "hakit $name")" -v a="$(mean_ms "$file" "anchor $name")" \
    'BEGIN { print a / h }'
done)
verdict=$(awk -v target="$speedup_target" '$1 < target { missed = 1 }
  END { print missed ? "NOT met" : "met" }' <<<"$speedups")
echo
echo "targets (status and confirmed off >= ${speedup_target}x faster than fence_drac5): $verdict (reported, not asserted)"
