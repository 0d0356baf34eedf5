# shellcheck shell=bash
# What the benchmarks in bench/ share, sourced by each of them (not run on its own):
# checks for what a benchmark needs, a work directory cleaned up on any exit together
# with whatever the benchmark started, a status check before anything is timed,
# hyperfine runs kept as JSON and read back in milliseconds, processes counted with
# strace, and the hakit-against-anchor table with its targets. Benchmarks print; none of
# this fails on a timing: targets are reported, never asserted.
#
# Globals it sets: work (the work directory), simulator_ready (a simulator's first line),
# and fence_setup's paths.

# fail MESSAGE...: stops the benchmark with MESSAGE on stderr.
fail() {
  echo "bench: $*" >&2
  exit 1
}

# require_tools TOOL...: every TOOL is a command on PATH (or an executable path).
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
  done
}

# require_programs FILE...: every FILE (an agent, a plugin, a lab tool) is executable.
require_programs() {
  local program
  for program in "$@"; do
    [ -x "$program" ] || fail "$program is missing (build first?)"
  done
}

# require_root WHY: the benchmark runs as root; WHY says what for.
require_root() {
  [ "$(id -u)" -eq 0 ] || fail "needs root $1"
}

# fence_setup NAME ANCHOR_AGENT ANCHOR_PLUGIN BUILD_DIR: for the fencing benchmarks, hakit's
# fence_hakit_NAME and external/hakit-NAME in BUILD_DIR against /usr/sbin/ANCHOR_AGENT and
# cluster-glue's external/ANCHOR_PLUGIN. Sets hakit_agent, hakit_plugin, hakit_lab (the
# simulators' front end), anchor_agent and anchor_plugin, checks they are there and makes
# the work directory.
fence_setup() {
  hakit_agent=$(realpath "$4/fence/fence_hakit_$1")
  hakit_plugin=$(realpath "$4/external/hakit-$1")
  hakit_lab=$(realpath "$4/tests/lab/hakit-lab")
  anchor_agent=/usr/sbin/$2
  anchor_plugin=/usr/lib/stonith/plugins/external/$3
  require_programs "$hakit_agent" "$hakit_plugin" "$hakit_lab" "$anchor_agent" "$anchor_plugin"
  export PATH=/usr/share/cluster-glue:$PATH  # cluster-glue's plugins log through ha_log.sh
  make_workdir "$1"
}

bench_exit_hooks=()

# on_exit FUNCTION: FUNCTION runs when the benchmark exits, however it exits (the latest
# registered first), before the work directory goes. A failing hook does not stop the others.
on_exit() {
  bench_exit_hooks+=("$1")
}

bench_exit() {
  local i
  for ((i = ${#bench_exit_hooks[@]} - 1; i >= 0; i--)); do
    "${bench_exit_hooks[i]}" || true
  done
  if [ -n "${work:-}" ]; then rm -rf "$work"; fi
}

# make_workdir NAME: creates the work directory $work (/tmp/hakit-bench-NAME-XXXXXX) and
# cleans up on any exit; an interrupt exits too, so that the cleanup runs.
make_workdir() {
  trap bench_exit EXIT
  trap 'exit 130' INT TERM
  work=$(mktemp -d "/tmp/hakit-bench-$1-XXXXXX")
}

# start_simulator WHAT COMMAND...: starts a `hakit-lab` device (COMMAND) as a coprocess and
# waits for the line it prints once the device answers, left in $simulator_ready. Ending
# its input stops it: that happens on exit. WHAT names the device in the error.
start_simulator() {
  local what=$1
  shift
  # A Ctrl-C reaches the whole foreground group, hakit-lab too, which would die without
  # stopping its daemon (that runs in a session of its own). So hakit-lab ignores INT and
  # TERM (its daemons reset their signals) and stops at end of input, from our exit trap.
  coproc bench_simulator {
    trap '' INT TERM
    exec "$@"
  }
  # Bash forgets the coprocess's descriptors and pid once it ends: keep them.
  bench_simulator_stdin=${bench_simulator[1]}
  # shellcheck disable=SC2154 # set by coproc
  bench_simulator_pid=$bench_simulator_PID
  on_exit stop_simulator
  # shellcheck disable=SC2034 # for the benchmark
  IFS= read -r simulator_ready <&"${bench_simulator[0]}" || fail "$what did not start"
}

stop_simulator() {
  exec {bench_simulator_stdin}>&-  # end of input: hakit-lab stops the device and exits
  wait "$bench_simulator_pid" 2>/dev/null || true
}

# expect_status EXPECTED COMMAND...: COMMAND (its output dropped) exits with EXPECTED, or
# the benchmark stops: timing a command that fails would time the failure.
expect_status() {
  local expected=$1
  shift
  local status=0
  "$@" >/dev/null 2>&1 || status=$?
  if [ "$status" -ne "$expected" ]; then
    fail "'$*' returned $status, expected $expected"
  fi
}

# count_spawned COMMAND...: prints how many processes COMMAND starts: the successful
# execve calls in its whole tree, minus its own.
count_spawned() {
  strace -f -qq -e trace=execve -o "$work/execve.trace" "$@" >/dev/null 2>&1 || true
  echo $(($(grep -c ' = 0$' "$work/execve.trace") - 1))
}

# run_hyperfine SET HYPERFINE_ARGS...: hyperfine without a shell (it would be timed too),
# its results kept as the set SET for mean_ms and cpu_ms.
run_hyperfine() {
  local set=$1
  shift
  hyperfine --shell=none --export-json "$work/$set.json" "$@"
}

# bench_result_ms SET JQ [NAME]: JQ (over one result's fields, in seconds) in ms, for the
# command named NAME in SET, or for SET's first command.
bench_result_ms() {
  local result='.results[0]'
  # shellcheck disable=SC2016 # $name is jq's
  [ -n "${3:-}" ] && result='first(.results[] | select(.command == $name))'
  jq --arg name "${3:-}" "$result | ($2) * 1000" "$work/$1.json"
}

# mean_ms SET [NAME]: mean wall time in ms of NAME (or the first command) in SET.
mean_ms() { bench_result_ms "$1" '.mean' "${2:-}"; }

# cpu_ms SET [NAME]: mean user + system time in ms of NAME (or the first command), its
# children included.
cpu_ms() { bench_result_ms "$1" '.user + .system' "${2:-}"; }

# The comparison table: an action a row, hakit's time, the anchor's (what hakit replaces),
# the speedup (anchor / hakit) and the target.
bench_label_width=36
bench_decimals=1
bench_target_width=8
bench_targets_missed=false

# table_begin LABEL_WIDTH ANCHOR_HEADING DECIMALS TARGET_WIDTH: prints the table's header;
# the rows that follow use its widths and show times with DECIMALS decimals.
table_begin() {
  bench_label_width=$1 bench_decimals=$3 bench_target_width=$4
  printf "%-${bench_label_width}s %12s %12s %9s %${bench_target_width}s\n" \
    action hakit "$2" speedup target
}

# table_row LABEL HAKIT_MS ANCHOR_MS [MIN_SPEEDUP]: one row; with MIN_SPEEDUP the target
# is ">= MIN_SPEEDUPx" and a smaller speedup counts against targets_verdict, else "-".
table_row() {
  local target=-
  [ -n "${4:-}" ] && target=">= ${4}x"
  awk -v label="$1" -v h="$2" -v a="$3" -v target="$target" \
    -v format="%-${bench_label_width}s %9.${bench_decimals}f ms %9.${bench_decimals}f ms %8.1fx %${bench_target_width}s\n" \
    'BEGIN { printf format, label, h, a, a / h, target }'
  if [ -n "${4:-}" ] && ! awk -v h="$2" -v a="$3" -v min="$4" 'BEGIN { exit !(a / h >= min) }'; then
    target_missed
  fi
}

# compare_row SET LABEL HAKIT_NAME ANCHOR_NAME [MIN_SPEEDUP]: table_row with the mean times
# of the commands HAKIT_NAME and ANCHOR_NAME in SET.
compare_row() {
  table_row "$2" "$(mean_ms "$1" "$3")" "$(mean_ms "$1" "$4")" "${5:-}"
}

# count_row LABEL HAKIT ANCHOR [TARGET]: a row of counts (processes started) instead of times.
count_row() {
  if [ -n "${4:-}" ]; then
    printf "%-${bench_label_width}s %12d %12d %9s %${bench_target_width}s\n" "$1" "$2" "$3" "" "$4"
  else
    printf "%-${bench_label_width}s %12d %12d\n" "$1" "$2" "$3"
  fi
}

# target_missed: a target other than a row's speedup was missed.
target_missed() { bench_targets_missed=true; }

# targets_verdict: prints "met" or "NOT met", over the table's targets so far.
targets_verdict() {
  if $bench_targets_missed; then echo "NOT met"; else echo met; fi
}

# count_instructions KEY COMMAND...: runs COMMAND once under valgrind's callgrind, its whole
# process tree traced, and appends a line "INSTRUCTIONS PROCESSES" to $work/KEY.count: the
# user-space instructions the tree executed (the programs, their dynamic linking and
# libraries; not the kernel's work for their system calls) and how many processes it was,
# COMMAND's own included. A count does not depend on the load or on an emulator, and
# repeats within a few hundred instructions; times do neither. A forked child inherits its
# parent's counters, so each process dumps and zeroes them before fork: every instruction
# is counted once. What a child executes between fork and exec (a few thousand
# instructions in bash) is lost with the exec: shell agents are slightly undercounted.
count_instructions() {
  local key=$1 dir instructions processes
  shift
  dir=$(mktemp -d "$work/callgrind.XXXXXX")
  valgrind --tool=callgrind --trace-children=yes --dump-before=fork --dump-before=vfork \
    --log-file="$dir/log.%p" --callgrind-out-file="$dir/out.%p" "$@" >/dev/null 2>&1 || true
  instructions=$(awk '/^totals:/ { sum += $2 } END { print sum + 0 }' "$dir"/out.* 2>/dev/null)
  processes=$(find "$dir" -name 'out.*' -printf '%f\n' | cut -d. -f2 | sort -u | wc -l)
  [ "$processes" -gt 0 ] || fail "callgrind counted nothing for '$*': $(cat "$dir"/log.*)"
  echo "$instructions $processes" >> "$work/$key.count"
}

# The cost table: per command the instructions it executes (count_instructions, every run),
# its CPU time and wall time (hyperfine means, children included) and its processes.
cost_label_width=44

# cost_table_begin LABEL_WIDTH: prints the cost table's header.
cost_table_begin() {
  cost_label_width=$1
  printf "%-${cost_label_width}s %25s %9s %9s %9s\n" "" "instructions (each run)" "CPU ms" \
    processes "wall ms"
}

# cost_rows TITLE SET HAKIT_NAME ANCHOR_NAME ANCHOR_LABEL MIN_SPEEDUP: three rows for one
# action: hakit's and the anchor's instructions ($work/SET-NAME.count), CPU and wall time
# (hyperfine set SET) and processes, then the anchor / hakit ratios. MIN_SPEEDUP is the
# target for the instructions' ratio (the emulator's process start-up weighs on the times).
cost_rows() {
  local title=$1 set=$2 hakit=$3 anchor=$4 anchor_label=$5 min=$6
  echo "$title"
  cost_row "  hakit" "$set" "$hakit"
  cost_row "  $anchor_label" "$set" "$anchor"
  local ratio
  ratio=$(awk -v h="$(first_count "$set-$hakit" 1)" -v a="$(first_count "$set-$anchor" 1)" \
    'BEGIN { printf "%.1f", a / h }')
  awk -v label="  $anchor_label / hakit" -v ratio="$ratio" -v w="$cost_label_width" \
    -v hc="$(cpu_ms "$set" "$hakit")" -v ac="$(cpu_ms "$set" "$anchor")" \
    -v hp="$(first_count "$set-$hakit" 2)" -v ap="$(first_count "$set-$anchor" 2)" \
    -v hw="$(mean_ms "$set" "$hakit")" -v aw="$(mean_ms "$set" "$anchor")" -v min="$min" \
    'BEGIN { printf "%-" w "s %24.1fx %8.1fx %9s %8.1fx  (target: instructions >= %sx)\n",
             label, ratio, ac / hc, ap " : " hp, aw / hw, min }'
  awk -v r="$ratio" -v min="$min" 'BEGIN { exit !(r >= min) }' || target_missed
}

# cost_row LABEL SET NAME: one command's row of the cost table.
cost_row() {
  local key=$2-$3
  printf "%-${cost_label_width}s %25s %9.1f %9d %9.1f\n" "$1" "$(counted_runs "$key")" \
    "$(cpu_ms "$2" "$3")" "$(first_count "$key" 2)" "$(mean_ms "$2" "$3")"
}

# counted_runs KEY: KEY's instruction counts, every run, "N / N".
counted_runs() {
  awk '{ printf "%s%d", (NR > 1 ? " / " : ""), $1 }' "$work/$1.count"
}

# first_count KEY FIELD: FIELD (1: instructions, 2: processes) of KEY's first counted run.
first_count() {
  awk -v field="$2" 'NR == 1 { print $field }' "$work/$1.count"
}

# floor_row LABEL KEY: the row of a command counted as KEY alone (instructions, processes),
# such as /bin/true: what starting any dynamically linked program costs, in both columns.
floor_row() {
  printf "%-${cost_label_width}s %25s %9s %9d\n" "$1" "$(counted_runs "$2")" - "$(first_count "$2" 2)"
}
