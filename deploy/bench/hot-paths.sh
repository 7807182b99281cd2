#!/usr/bin/env bash
# Where the write path's CPU goes (issue 14): team selections with wrk over COMPETITIONS competitions against the local
# runtime (deploy/ledgerboard up), WARM_UP seconds first (a fresh runtime's JIT compilers take most of the machine for
# minutes), then SECONDS measured while every process of the runtime records JFR. Prints, per process, its CPU time
# per command (/proc: every thread, kernel time and JFR's own few percent included) and what its JFR execution
# samples were in (HotPaths).
# Usage: deploy/bench/hot-paths.sh [SECONDS=30] [CONNECTIONS=64] [COMPETITIONS=16] [WARM_UP=120] [TOP=12]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_MEASURED=${1:-30}
CONNECTIONS=${2:-64}
COMPETITIONS=${3:-16}
WARM_UP=${4:-120}
TOP=${5:-12}
"$ROOT/deploy/ledgerboard" up >/dev/null
RUN=${LEDGERBOARD_HOME:-$ROOT/.ledgerboard}/run
DIR=$(mktemp -d)
declare -A pids ticks
# an interrupted run leaves no recording behind in the runtime
stop_recordings() {
  for pid in "${pids[@]}"; do jcmd "$pid" JFR.stop name=hot-paths >/dev/null 2>&1 || true; done
  rm -rf "$DIR"
}
trap stop_recordings EXIT
source "$ROOT/deploy/bench/machine.sh"

# utime + stime of a process, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

machine_start
for file in "$RUN"/*.pid; do
  pid=$(<"$file")
  kill -0 "$pid" 2>/dev/null || continue
  pids[$(basename "$file" .pid)]=$pid
  # JFR's first start in a JVM costs seconds of CPU (it loads and compiles its own code): paid before the warm-up
  jcmd "$pid" JFR.start name=hot-paths-first settings="$ROOT/deploy/bench/hot-paths.jfc" >/dev/null
  jcmd "$pid" JFR.stop name=hot-paths-first >/dev/null
done
if ((WARM_UP > 0)); then
  "$ROOT/deploy/bench/load.sh" teams "$WARM_UP" "$CONNECTIONS" "$COMPETITIONS" >/dev/null
fi
for name in "${!pids[@]}"; do
  jcmd "${pids[$name]}" JFR.start name=hot-paths settings="$ROOT/deploy/bench/hot-paths.jfc" >/dev/null
  ticks[$name]=$(cpu_ticks "${pids[$name]}")
done
out=$("$ROOT/deploy/bench/load.sh" teams "$SECONDS_MEASURED" "$CONNECTIONS" "$COMPETITIONS")
echo "$out" | grep -E "^command:|Requests/sec|Non-2xx|requests in|^ +(50|99)%"
answered=$(echo "$out" | awk '/requests in/ {print $1}')
refused=$(echo "$out" | awk '/Non-2xx/ {print $5}')
commands=$((answered - ${refused:-0}))
hz=$(getconf CLK_TCK)
for name in "${!pids[@]}"; do # all read as the load ends, before stopping the recordings costs anything
  ticks[$name]=$(($(cpu_ticks "${pids[$name]}") - ${ticks[$name]}))
done
for name in $(printf '%s\n' "${!pids[@]}" | sort); do
  jcmd "${pids[$name]}" JFR.stop name=hot-paths filename="$DIR/$name.jfr" >/dev/null
  awk -v n="$name" -v t="${ticks[$name]}" -v hz="$hz" -v c="$commands" \
    'BEGIN {printf "%-20s %.3f ms of CPU per command\n", n, (c > 0 ? 1000 * t / hz / c : 0)}'
done | tee "$DIR/cpu.txt"
awk '{sum += $2} END {printf "%-20s %.3f ms of CPU per command (%d cores: at most %.0f commands/s, wrk aside)\n",
  "the whole runtime", sum, cores, (sum > 0 ? cores * 1000 / sum : 0)}' cores="$(nproc)" "$DIR/cpu.txt"
java -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" org.ledgerboard.deploy.HotPaths "$TOP" \
  "$DIR"/*.jfr
machine_end
