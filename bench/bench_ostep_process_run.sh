#!/usr/bin/env bash
# procscope-cli ostep process-run against OSTEP's process-run.py on the same flags: 5 processes of
# 200,000 CPU instructions each, full trace and stats (-c -p). Prints both wall times (median of
# RUNS for ProcScope, one run for Python, which takes about a minute) and checks the outputs match.
# usage: bench/bench_ostep_process_run.sh PATH/TO/process-run.py [RUNS]
# (process-run.py is public in github.com/remzi-arpacidusseau/ostep-homework; it is not committed here.)
set -euo pipefail
script=${1:?usage: $0 PATH/TO/process-run.py [RUNS]}
runs=${2:-5}
cli=${CLI:-build/release/bin/procscope-cli}
flags=(-s 1 -l 200000:100,200000:100,200000:100,200000:100,200000:100 -c -p)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seconds() { # command... -> wall seconds on stdout, output to $tmp/out
    local start end
    start=$(date +%s.%N)
    "$@" > "$tmp/out"
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

times=()
for _ in $(seq "$runs"); do times+=("$(seconds "$cli" ostep process-run "${flags[@]}")"); done
cp "$tmp/out" "$tmp/procscope.out"
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
python_time=$(seconds python3 "$script" "${flags[@]}")
cmp -s "$tmp/out" "$tmp/procscope.out" && same=identical || same=DIFFERENT
echo "flags: ${flags[*]}"
echo "procscope-cli: median ${median} s over ${runs} runs (${times[*]})"
echo "process-run.py: ${python_time} s (one run)"
echo "speed-up: $(echo "scale=0; $python_time / $median" | bc)x; outputs ${same} ($(wc -c < "$tmp/out") bytes)"
