#!/bin/bash
# validate-metadata.sh AGENT KIND:SCHEMA — AGENT's meta-data (stdout only, rc 0) must
# validate against SCHEMA (KIND dtd or rng) with xmllint.
set -euo pipefail
agent=$1 kind=${2%%:*} schema=${2#*:}
xml=$(mktemp)
trap 'rm -f "$xml"' EXIT
"$agent" meta-data > "$xml" 2>/dev/null
case $kind in
  dtd) xmllint --noout --dtdvalid "$schema" "$xml" ;;
  rng) xmllint --noout --relaxng "$schema" "$xml" ;;
  *) echo "unknown schema kind $kind" >&2; exit 2 ;;
esac
