#!/bin/sh
# gen-manifest.sh - print manifest.json for the guest fixtures.
# Reads programs.txt and the recorded expected/NAME.status files, so the
# manifest cannot drift from what QEMU actually did.
# Usage: sh gen-manifest.sh [EXPDIR] > manifest.json   (run from the folder that holds programs.txt: guests/ or a sub-folder;
# EXPDIR defaults to "expected"; paths in the manifest always say expected/)
set -eu
expdir=${1:-expected}
json_escape() {
    printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}
first=1
printf '[\n'
grep -v '^[[:space:]]*#' programs.txt | grep -v '^[[:space:]]*$' |
while read -r name el2 march intended desc; do
    status_file="$expdir/$name.status"
    if [ ! -f "$status_file" ]; then
        echo "gen-manifest.sh: missing $status_file" >&2
        exit 1
    fi
    status=$(cat "$status_file")
    case "$el2" in yes) el2j=true ;; *) el2j=false ;; esac
    if [ $first -eq 0 ]; then printf ',\n'; fi
    first=0
    printf '  {\n'
    printf '    "name": "%s",\n' "$name"
    printf '    "elf": "bin/%s.elf",\n' "$name"
    printf '    "el2": %s,\n' "$el2j"
    printf '    "march": "%s",\n' "$march"
    printf '    "stdout": "expected/%s.stdout",\n' "$name"
    printf '    "status": %s,\n' "$status"
    printf '    "description": "%s"\n' "$(json_escape "$desc")"
    printf '  }'
done
printf '\n]\n'
