#!/bin/bash
# `cmake --install` into a scratch DESTDIR, then the permissions cluster-glue and a careful
# administrator expect: executables 0755, nothing group- or other-writable (cluster-glue
# refuses a writable plugin), data 0644, and, when installed by root, everything root's.
#   check_installed_files.sh BUILD_DIR
set -uo pipefail
build=$1
destdir=$(mktemp -d /tmp/hakit-install-check-XXXXXX)
trap 'rm -rf "$destdir"' EXIT
# The umask of whoever installs must not matter: a permissive one is the test.
umask 000
DESTDIR=$destdir cmake --install "$build" > "$destdir.log" 2>&1 || { cat "$destdir.log"; exit 1; }
rm -f "$destdir.log"
failed=0
report() { echo "$1: $2"; failed=1; }
count=0
while IFS= read -r -d '' path; do
  count=$((count + 1))
  mode=$(stat -c %a "$path")
  relative=${path#"$destdir"}
  if [ -d "$path" ]; then
    [ "$((8#$mode & 8#022))" -eq 0 ] || report "$relative" "directory is group/other-writable ($mode)"
  elif [ -x "$path" ]; then
    [ "$mode" = 755 ] || report "$relative" "executable is $mode, not 755"
  else
    [ "$mode" = 644 ] || report "$relative" "file is $mode, not 644"
  fi
  if [ "$(id -u)" -eq 0 ] && [ "$(stat -c %u:%g "$path")" != 0:0 ]; then
    report "$relative" "not owned by root:root"
  fi
done < <(find "$destdir" -mindepth 1 ! -type l -print0)
for needed in /usr/sbin/fence_hakit_null /usr/lib/stonith/plugins/external/hakit-null \
              /usr/lib/ocf/resource.d/hakit/Filesystem; do
  [ -e "$destdir$needed" ] || report "$needed" "not installed"
done
echo "checked $count installed paths"
exit "$failed"
