#!/bin/bash
# Runs one guest test case (tests/guest/cases/NAME.sh) in one or two qemu guests booted from
# a stock Debian kernel with its modules, with the host's own root (read-only, with a tmpfs
# overlay) as the guests' userland, and exits with the case's exit code. See README.md.
#
# Usage: tests/guest/run.sh [options] CASE [ARGS...]
#   --build-dir DIR   the hakit build whose agents the guests see at
#                     /usr/lib/ocf/resource.d/hakit (default: build)
#   --guests N        1 or 2 (default 1); two guests share a socket link and optional disk
#   --disk SIZE       a private virtio disk per guest, /dev/vda (default 256M; 0 = none)
#   --shared-disk SIZE  one disk both guests open (share-rw), /dev/vdb (default: none)
#   --memory MB       per guest (default 1024)
#   --cpus N          per guest (default 1)
#   --timeout SEC     for the whole run, after the image is ready (default 600); then
#                     every guest is killed
#   --cache DIR       kernel and initramfs cache (default $HAKIT_GUEST_CACHE or
#                     /var/cache/hakit-guest)
#   --results DIR     copy each guest's results (log, rc, files the case left in
#                     $HAKIT_RESULTS) to DIR/nodeN
#   --print-log       print the guests' logs even when the case passed
# A case may also carry options on a line of its own: "# hakit-guest: --guests 2 --disk 64M";
# those come first, the command line's after them.
#
# Exit codes: the case's (the first failing guest's), 77 when the tier cannot run here (not
# root, no qemu, no kernel from apt) or every guest skipped, 1 on a timeout or a guest that
# died before writing its exit code. A guest that fails ends the run of the other one.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
skip() {
  echo "guest: SKIP: $*" >&2
  exit 77
}
die() {
  echo "guest: $*" >&2
  exit 1
}

build_dir=build guests=1 disk=256M shared_disk="" memory=1024 cpus=1 timeout=600
cache=${HAKIT_GUEST_CACHE:-/var/cache/hakit-guest} results_out="" print_log=false
parse_options() {
  while [ $# -gt 0 ]; do
    case $1 in
      --build-dir) build_dir=$2 ;;
      --guests) guests=$2 ;;
      --disk) disk=$2 ;;
      --shared-disk) shared_disk=$2 ;;
      --memory) memory=$2 ;;
      --cpus) cpus=$2 ;;
      --timeout) timeout=$2 ;;
      --cache) cache=$2 ;;
      --results) results_out=$2 ;;
      --print-log) print_log=true; shift; continue ;;
      *) die "unknown option $1" ;;
    esac
    shift 2
  done
}

# Options before the case, then the case itself and its arguments.
cli=()
while [ $# -gt 0 ] && [[ $1 == --* ]]; do
  cli+=("$1")
  [ "$1" = --print-log ] || { cli+=("${2:?$1 needs a value}"); shift; }
  shift
done
[ $# -ge 1 ] || die "usage: run.sh [options] CASE [ARGS...]"
case_file=$(realpath "$1")
shift
case_args=("$@")
[ -r "$case_file" ] || die "no such case: $case_file"
# shellcheck disable=SC2046 # the case's option line is word-split on purpose
parse_options $(sed -n 's/^# hakit-guest://p' "$case_file") "${cli[@]}"
[[ $guests == [12] ]] || die "--guests must be 1 or 2"
build_dir=$(realpath "$build_dir")
[ -d "$build_dir/ocf/resource.d/hakit" ] || die "$build_dir has no built agents (build first)"

[ "$(id -u)" -eq 0 ] || skip "needs root (kernel modules, 9p export of /)"
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed (scripts/deps.sh)"

# --- the guest image: kernel + modules from apt, a busybox initramfs; built once -----------

mkdir -p "$cache"
exec 8>"$cache/.lock"
flock 8  # another run (another worktree) may be preparing the same cache

# kernel_package: the versioned package linux-image-amd64 depends on today.
kernel_package() {
  apt-cache depends linux-image-amd64 2>/dev/null |
    sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1
}

# fetch_kernel: unpacks the current Debian kernel into $cache/kernel-VERSION (once) and
# prints VERSION. Falls back to the newest cached kernel when apt cannot tell.
fetch_kernel() {
  local package version download
  package=$(kernel_package)
  if [ -z "$package" ]; then
    version=$(find "$cache" -maxdepth 1 -name 'kernel-*' -printf '%f\n' | sed 's/^kernel-//' |
              sort -V | tail -n 1)
    [ -n "$version" ] && { echo "$version"; return; }
    return 1
  fi
  version=${package#linux-image-}
  if [ ! -e "$cache/kernel-$version/.complete" ]; then
    download=$(mktemp -d "$cache/download.XXXXXX")
    (
      cd "$download"
      apt-get -o APT::Sandbox::User=root download -q linux-image-amd64 >&2
      # Read the versioned package from what was downloaded, not from a guess.
      package=$(dpkg-deb -f linux-image-amd64_*.deb Depends | tr ',|' '\n\n' |
                sed -n 's/^ *\(linux-image-[0-9][^ ]*\).*/\1/p' | head -n 1)
      apt-get -o APT::Sandbox::User=root download -q "$package" >&2
      rm -rf "$cache/kernel-${package#linux-image-}"
      dpkg -x "$package"_*.deb "$cache/kernel-${package#linux-image-}"
      depmod -b "$cache/kernel-${package#linux-image-}" "${package#linux-image-}"
      touch "$cache/kernel-${package#linux-image-}/.complete"
      echo "${package#linux-image-}" > "$download/version"
    ) || { rm -rf "$download"; return 1; }
    version=$(cat "$download/version")
    rm -rf "$download"
  fi
  echo "$version"
}

# static_busybox: a statically linked busybox, the host's (busybox-static) or downloaded.
static_busybox() {
  if [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; then
    echo /bin/busybox
    return
  fi
  if [ ! -x "$cache/busybox/bin/busybox" ]; then
    local download
    download=$(mktemp -d "$cache/download.XXXXXX")
    (cd "$download" && apt-get -o APT::Sandbox::User=root download -q busybox-static >&2 &&
     dpkg -x busybox-static_*.deb "$cache/busybox") || { rm -rf "$download"; return 1; }
    rm -rf "$download"
  fi
  echo "$cache/busybox/bin/busybox"
}

# Modules the initramfs loads to reach the root: virtio, 9p and overlay.
initramfs_modules=(virtio_pci virtio_blk virtio_net 9pnet_virtio 9p overlay)

# build_initramfs KROOT VERSION BUSYBOX OUT
build_initramfs() {
  local kroot=$1 version=$2 busybox=$3 out=$4 tree module
  tree=$(mktemp -d "$cache/initramfs.XXXXXX")
  mkdir -p "$tree"/{bin,dev,proc,sys,mnt,modules}
  cp "$busybox" "$tree/bin/busybox"
  : > "$tree/modules.order"
  for module in $(modprobe -d "$kroot" -S "$version" --show-depends -a "${initramfs_modules[@]}" |
                  awk '$1 == "insmod" { print $2 }'); do
    grep -qxF "$(basename "$module")" "$tree/modules.order" && continue
    cp "$module" "$tree/modules/"
    basename "$module" >> "$tree/modules.order"
  done
  cp "$here/init" "$tree/init"
  chmod 755 "$tree/init"
  (cd "$tree" && find . | "$busybox" cpio -o -H newc 2>/dev/null | gzip -1) > "$out.tmp"
  mv "$out.tmp" "$out"
  rm -rf "$tree"
}

version=$(fetch_kernel) || skip "cannot fetch the kernel with apt-get download linux-image-amd64"
kroot=$cache/kernel-$version
busybox=$(static_busybox) || skip "cannot fetch busybox-static"
# Keyed by the kernel and by what goes into the image, so a change to either rebuilds it.
key=$(cat "$here/run.sh" "$here/init" | sha256sum | cut -c1-16)
initrd=$cache/initrd-$version-$key.img
if [ ! -e "$initrd" ]; then
  echo "guest: building $initrd" >&2
  build_initramfs "$kroot" "$version" "$busybox" "$initrd"
fi
flock -u 8

# --- one run: scratch disks, a results share per guest, qemu under a timeout ----------------

run=$(mktemp -d "${TMPDIR:-/tmp}/hakit-guest.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# free_port: a TCP port on 127.0.0.1 nobody listens on now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

mkdir -p "$run/shared"
[ -n "$shared_disk" ] && truncate -s "$shared_disk" "$run/shared.raw"
port=""
[ "$guests" -eq 2 ] && port=$(free_port)

start_guest() {
  local node=$1 results=$run/node$1 peer
  mkdir -p "$results"
  peer=$((3 - node))
  # What stage 2 needs, beside the hostname and address on the kernel command line.
  {
    printf 'HAKIT_NODE=%q\nHAKIT_NODES=%q\n' "$node" "$guests"
    printf 'HAKIT_KERNEL_ROOT=%q\nHAKIT_KERNEL_VERSION=%q\n' "$kroot" "$version"
    printf 'HAKIT_BUILD_DIR=%q\nHAKIT_SOURCE_DIR=%q\n' "$build_dir" "$(dirname "$(dirname "$here")")"
    printf 'HAKIT_CASE=%q\n' "$case_file"
    printf 'HAKIT_CASE_ARGS=(%s)\n' "$(printf '%q ' "${case_args[@]}")"
    if [ "$guests" -eq 2 ]; then
      printf 'HAKIT_IP=10.99.0.%d\nHAKIT_PEER_IP=10.99.0.%d\n' "$node" "$peer"
      printf 'HAKIT_PEER_NAME=guest%d\n' "$peer"
    fi
  } > "$results/env"
  # no_timer_check: under TCG on a loaded host the kernel's IO-APIC timer check can fail
  # and panic the boot ("IO-APIC + timer doesn't work!").
  local append="console=ttyS0 panic=-1 loglevel=4 no_timer_check hakit.stage2=$here/stage2.sh"
  append+=" hakit.hostname=guest$node"
  [ "$guests" -eq 2 ] && append+=" hakit.ip=10.99.0.$node/24"
  local -a qemu=(qemu-system-x86_64 -machine q35 -accel tcg -cpu max -m "$memory" -smp "$cpus"
    -nographic -no-reboot -nic none -kernel "$kroot/boot/vmlinuz-$version" -initrd "$initrd"
    -append "$append"
    -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap
    -virtfs "local,path=$results,mount_tag=results,security_model=none"
    -virtfs "local,path=$run/shared,mount_tag=shared,security_model=none")
  if [ "$disk" != 0 ]; then
    truncate -s "$disk" "$run/disk$node.raw"
    # Serial numbers name the disks in the guest (stage2.sh): the kernel's vda/vdb order
    # follows PCI slots, not the command line (an if=virtio drive came after the shared one).
    qemu+=(-drive "file=$run/disk$node.raw,format=raw,if=none,id=private,cache=unsafe"
           -device virtio-blk-pci,drive=private,serial=hakit-disk)
  fi
  if [ -n "$shared_disk" ]; then
    qemu+=(-drive "file=$run/shared.raw,format=raw,if=none,id=shared,cache=writeback,file.locking=off"
           -device virtio-blk-pci,drive=shared,share-rw=on,serial=hakit-shared)
  fi
  if [ "$guests" -eq 2 ]; then
    local role=listen
    [ "$node" -eq 2 ] && role=connect
    qemu+=(-netdev "socket,id=link,$role=127.0.0.1:$port"
           -device "virtio-net-pci,netdev=link,mac=52:54:00:99:00:0$node")
  fi
  "${qemu[@]}" < /dev/null > "$run/console$node.log" 2>&1 &
  pids+=($!)
}

echo "guest: $(basename "$case_file") in $guests guest(s), kernel $version" >&2
start=$SECONDS
start_guest 1
if [ "$guests" -eq 2 ]; then
  # The connecting side needs the listener up.
  for _ in $(seq 50); do
    ss -Htln "sport = :$port" | grep -q . && break
    sleep 0.1
  done
  start_guest 2
fi
# Until every guest is off. A guest that ends without exit code 0 (failed, panicked) takes
# the other down at once: it would only wait for it at the next barrier. Past the timeout,
# every guest is killed.
aborted=""
while :; do
  alive=()
  for index in "${!pids[@]}"; do
    if kill -0 "${pids[index]}" 2>/dev/null; then
      alive+=("${pids[index]}")
    elif [ "$(cat "$run/node$((index + 1))/rc" 2>/dev/null)" != 0 ] && [ -z "$aborted" ]; then
      aborted="guest$((index + 1)) ended without success"
    fi
  done
  [ ${#alive[@]} -eq 0 ] && break
  [ -z "$aborted" ] && [ $((SECONDS - start)) -ge "$timeout" ] && aborted="timeout after $timeout s"
  if [ -n "$aborted" ]; then
    echo "guest: $aborted: stopping the other guest(s)" >&2
    kill -KILL "${alive[@]}" 2>/dev/null || true
  fi
  sleep 1
done
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
pids=()
echo "guest: done in $((SECONDS - start)) s" >&2

status=0 skipped=0
for node in $(seq "$guests"); do
  results=$run/node$node
  rc=$(cat "$results/rc" 2>/dev/null || echo none)
  if [ "$rc" = none ]; then
    echo "guest$node: no exit code (timeout after $timeout s or the guest died); console:" >&2
    tail -n 40 "$run/console$node.log" >&2
    rc=1
  fi
  if [ "$rc" -ne 0 ] || $print_log; then
    echo "----- guest$node log (exit $rc) -----"
    cat "$results/log" 2>/dev/null || true
  fi
  # A sanitizer finding fails the process that made it; its report, printed here, is also
  # kept with the build's own (scripts/test.sh lists them after the suite).
  for report in "$results"/sanitizer-reports/*; do
    [ -f "$report" ] || continue
    echo "----- guest$node sanitizer report ${report##*/} -----"
    cat "$report"
    cp "$report" "$build_dir/sanitizer-reports/guest$node-${report##*/}" || true
  done
  [ "$rc" -eq 77 ] && skipped=$((skipped + 1))
  [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ] && [ "$status" -eq 0 ] && status=$rc
  if [ -n "$results_out" ]; then
    mkdir -p "$results_out/node$node"
    cp -r "$results/." "$results_out/node$node/"
    cp "$run/console$node.log" "$results_out/node$node/console.log"
  fi
done
[ "$status" -eq 0 ] && [ "$skipped" -eq "$guests" ] && status=77
exit "$status"
