#!/bin/sh
# gen-manifest.sh EXPDIR "VLS" - print manifest.json for the SVE fixtures.
# Like ../gen-manifest.sh, but every program has one recorded run per VL:
#   "runs": [ { "vl": 128, "sveMaxVq": 1, "qemuCpu": "max,sve-max-vq=1",
#               "stdout": "expected/NAME.vl128.stdout", "status": 0 }, ... ]
# and "vls" lists the VLs recorded.  Only lines starting with
# "VL-DEPENDENT:" differ between the runs of one program.
set -eu
expdir=$1; vls=$2
json_escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
first=1
printf '[\n'
grep -v '^[[:space:]]*#' programs.txt | grep -v '^[[:space:]]*$' |
while read -r name el2 march intended desc; do
    if [ $first -eq 0 ]; then printf ',\n'; fi
    first=0
    printf '  {\n'
    printf '    "name": "%s",\n' "$name"
    printf '    "elf": "bin/%s.elf",\n' "$name"
    printf '    "el2": false,\n'
    printf '    "march": "%s",\n' "$march"
    printf '    "vls": [%s],\n' "$(echo $vls | sed 's/ /, /g')"
    printf '    "vlDependentLinePrefix": "VL-DEPENDENT:",\n'
    printf '    "runs": [\n'
    f2=1
    for vl in $vls; do
        st="$expdir/$name.vl$vl.status"
        [ -f "$st" ] || { echo "gen-manifest.sh: missing $st" >&2; exit 1; }
        [ $f2 -eq 0 ] && printf ',\n'
        f2=0
        vq=$((vl / 128))
        printf '      { "vl": %s, "sveMaxVq": %s, "qemuCpu": "max,sve-max-vq=%s", "stdout": "expected/%s.vl%s.stdout", "status": %s }' \
            "$vl" "$vq" "$vq" "$name" "$vl" "$(cat "$st")"
    done
    printf '\n    ],\n'
    printf '    "description": "%s"\n' "$(json_escape "$desc")"
    printf '  }'
done
printf '\n]\n'
