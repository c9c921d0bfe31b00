#!/usr/bin/env bash
# Side by side with what users would otherwise pick: sesim's simulation core against
# SimPy on the hold model, and its template renderer against pybars3 and Jinja2 on the
# same template and data (outputs checked byte-identical first). Installs the Python
# packages into a private virtual environment (peers/.venv), builds the Swift side in
# release, runs both sides in interleaved rounds and prints median rates and ratios.
#
#   Benchmarks/peers/run.sh [--repetitions K] [--events N] [--pending N,N]
#                           [--renders N] [--rows N] [--python PYTHON]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
benchmarks="$(dirname "$here")"

repetitions=5
events=200000
pending="10000,100000"
renders=3000
rows=1000
python="${PYTHON:-python3}"

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    echo "Defaults: --repetitions $repetitions --events $events --pending $pending" \
        "--renders $renders --rows $rows --python $python"
}

while [[ $# -gt 0 ]]; do
    case "$1" in
    --repetitions | -k) repetitions="$2"; shift 2 ;;
    --events) events="$2"; shift 2 ;;
    --pending) pending="$2"; shift 2 ;;
    --renders) renders="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    --python) python="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

log() { echo "run.sh: $*" >&2; }

# 1. The Python side, in a private virtual environment.
venv="$here/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
    log "creating $venv with $("$python" --version 2>&1)"
    "$python" -m venv "$venv"
fi
log "installing $(grep -v '^#' "$here/requirements.txt" | xargs)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
py="$venv/bin/python"

# 2. The Swift side, in release.
log "building Peers (release)"
swift build -c release --package-path "$benchmarks" --product Peers >&2
peers="$(swift build -c release --package-path "$benchmarks" --show-bin-path)/Peers"

# 3. The workload data, shared by both sides, and the output check.
work="$here/.work"
rm -rf "$work"
mkdir -p "$work"
"$py" "$here/workload.py" --rows "$rows" --out "$work"
results="$work/results.jsonl"
: >"$results"

# 4. Interleaved rounds, one repetition of every workload on each side per round, so
#    that load from other processes on a shared machine falls on both sides alike.
IFS=, read -r -a pendings <<<"$pending"
for ((round = 1; round <= repetitions; round++)); do
    log "round $round of $repetitions"
    for size in "${pendings[@]}"; do
        "$peers" hold --pending "$size" --events "$events" >>"$results"
        "$py" "$here/hold_simpy.py" --pending "$size" --events "$events" >>"$results"
    done
    check=()
    if ((round == 1)); then
        "$peers" render --templates "$here/templates" --work "$work" --renders "$renders" \
            --write-renderings "$work/sesim-renderings.txt" >>"$results"
        check=(--expected "$work/sesim-renderings.txt")
    else
        "$peers" render --templates "$here/templates" --work "$work" --renders "$renders" >>"$results"
    fi
    "$py" "$here/render_python.py" --templates "$here/templates" --work "$work" --renders "$renders" \
        "${check[@]}" >>"$results"
done

# 5. The table, with the machine and versions.
if [[ -r /proc/cpuinfo ]]; then
    cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
else
    cpu="$(sysctl -n machdep.cpu.brand_string 2>/dev/null || uname -m)"
fi
cores="$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')"
load="$(uptime | sed 's/.*load average[s]*: //')"
echo
echo "sesim vs peers, $(date -u '+%Y-%m-%d %H:%M UTC'), $repetitions interleaved rounds, single-threaded"
"$py" "$here/report.py" "$results" \
    --machine "$cpu, $cores cores, $(uname -sr), load average $load" \
    --swift "$(swift --version 2>&1 | grep -m1 -o 'Swift version [^ ]*')"
