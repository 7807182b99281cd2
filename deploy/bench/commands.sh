#!/usr/bin/env bash
# The write path in one run (issue 14), against the local runtime (deploy/ledgerboard up), with wrk:
#  - team selections (team-service) and submissions (evaluation-service) with 1, 8 and 64 connections, spread over
#    1 and over 16 competitions;
#  - team selections sent at a fixed rate (PACED_RATE, 1,000/s) over 16 competitions: p50/p99 at that rate;
#  - team selections with 64 connections in one competition holding 10, 1,000 and 10,000 prior events;
#  - the bare write rate of this machine for the same work (BareWriteRate: per command one 1 KB insertOne into the
#    same store and one acks=all produce of 1 KB to the same broker, as many threads as connections), in turn with
#    team selections over 16 competitions.
# Rates count only 2xx answers. Last line: commands/s=N bare/s=M ratio=R flatness=F, where N is team-service's
# rate over 16 competitions at the connections that gave the best one, M the bare rate at as many threads, R = N/M
# and F = the rate at 10,000 prior events / the rate at 10 (64 connections); each rate of a ratio is the median of
# REPS runs (3) measured in turn with its counterpart's. Each run starts on a quiet machine (machine_quiet).
#   [WARM_UP=150] [REPS=3] deploy/bench/commands.sh [SECONDS=10]   (WARM_UP: seconds of load first, not counted)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_EACH=${1:-10}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null || { echo "install wrk first"; exit 1; }
"$ROOT/deploy/ledgerboard" up >/dev/null
JAR=$(ls "$ROOT"/deploy/target/deploy-*.jar 2>/dev/null || true)
if [[ -z $JAR ]] || [[ -n $(find "$ROOT/deploy/src/main" -newer "$JAR" -print -quit) ]]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl deploy -am install) # the bare-rate tool lives in deploy
fi
source "$ROOT/deploy/bench/api.sh"
RUN=$(date +%s)
SUBMISSION_BODY=$(submission_body p)

# competitions PREFIX K: launches K competitions (signatures optional: plain commands), prints their ids
competitions() {
  for k in $(seq 1 "$2"); do
    local c="bench-$RUN-$1-$k"
    launch_competition "$c"
    echo "$c"
  done
}

# select_teams COUNT COMPETITION...: teams p1…pCOUNT, team pN in competition number (N-1) mod K, where
# post-each.lua sends request N
select_teams() {
  java -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" org.ledgerboard.deploy.SelectTeams \
    "$TEAM" "$ORGANISER" "$@"
}

# measure LABEL CONNECTIONS BASE TOKEN BODY LIMIT PATH...: prints "LABEL rate p50 p99", sets RATE
measure() {
  local label=$1 connections=$2 base=$3 token=$4 body=$5 limit=$6; shift 6
  local threads=$((connections < 2 ? 1 : 2))
  local out
  machine_quiet
  out=$(BODY=$body LIMIT=$limit THREADS=$threads TOKEN=$token PATHS="$*" wrk -t"$threads" -c"$connections" \
    -d"${SECONDS_EACH}s" --latency -s "$ROOT/deploy/bench/post-each.lua" "$base")
  local total bad p50 p99 elapsed
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  elapsed=$(echo "$out" | awk '/requests in/ {sub(",", "", $4); n = $4 + 0; print ($4 ~ /m$/ ? n * 60 : n)}') # 10.00s, 2.50m
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}'); bad=${bad:-0}
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  RATE=$(awk -v t="$total" -v b="$bad" -v s="$elapsed" 'BEGIN {printf "%.0f", (t - b) / s}')
  local floor=""
  # a thread stops at its first id past the limit, and the answers it still awaited then are not counted
  if ((limit > 0 && total - bad + connections >= limit)); then floor=" (every prepared team used: at least this)"; fi
  printf '%-44s %6s commands/s  p50 %-9s p99 %-9s (%s refused)%s\n' "$label" "$RATE" "$p50" "$p99" "$bad" "$floor"
}

source "$ROOT/deploy/bench/machine.sh"
machine_start
# Six JVMs share the machine; their JIT compilers take most of it for the first minutes after a start (the rate
# climbs for about three minutes of load). Warm the write path up first, so that the runs below measure the system,
# not its compilers.
mapfile -t comps < <(competitions "warm-up" 16)
paths=(); for c in "${comps[@]}"; do paths+=("/competitions/$c/teams"); done
SECONDS_EACH=${WARM_UP:-150} measure "warm-up (not counted)" 64 "$TEAM" "$ORGANISER" "$TEAM_BODY" 0 "${paths[@]}"
declare -A TEAMS_RATE
for spread in 1 16; do
  for connections in 1 8 64; do
    mapfile -t comps < <(competitions "sel-$spread-$connections" "$spread")
    paths=(); for c in "${comps[@]}"; do paths+=("/competitions/$c/teams"); done
    measure "team selections, $connections conn, $spread competition(s)" "$connections" "$TEAM" "$ORGANISER" \
      "$TEAM_BODY" 0 "${paths[@]}"
    TEAMS_RATE[$spread-$connections]=$RATE
  done
done

# Latency at a given rate, which wrk (a closed loop: the next request only once one is answered) cannot tell: team
# selections sent at PACED_RATE a second whatever the answers' pace, each timed from when it was due.
mapfile -t comps < <(competitions "paced" 16)
paths=(); for c in "${comps[@]}"; do paths+=("/competitions/$c/teams"); done
machine_quiet
paced=$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" org.ledgerboard.deploy.PacedCommands \
  "$TEAM" "$ORGANISER" "${PACED_RATE:-1000}" "$SECONDS_EACH" "$TEAM_BODY" "${paths[@]}")
printf '%-44s %s\n' "team selections, paced at ${PACED_RATE:-1000}/s, 16 comp." "$paced"

# Teams selected (as p1…) before each submission run, one submission each: more than a run can use, or the run
# ends early (wrk still divides by its whole duration, so such a rate is marked as a floor).
for spread in 1 16; do
  for connections in 1 8 64; do
    LIMIT=$((SECONDS_EACH * (connections == 1 ? 300 : 1000)))
    mapfile -t comps < <(competitions "sub-$spread-$connections" "$spread")
    paths=()
    for c in "${comps[@]}"; do
      open_round "$c"
      paths+=("/competitions/$c/rounds/r1/submissions")
    done
    select_teams "$LIMIT" "${comps[@]}"
    measure "submissions, $connections conn, $spread competition(s)" "$connections" "$EVAL" "$MEMBER" \
      "$SUBMISSION_BODY" "$LIMIT" "${paths[@]}"
  done
done

# The machine's speed swings by a third over minutes (six JVMs and the client on two shared cores): a ratio of two
# rates measured minutes apart would measure the swing. Each ratio's two rates are measured in turn, REPS times, and
# compared by their medians.
REPS=${REPS:-3}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# size_run PRIOR: team selections with 64 connections into a new competition holding PRIOR events; sets RATE
size_run() {
  mapfile -t comps < <(competitions "size-$1-$rep" 1)
  select_teams "$(($1 - 1))" "${comps[0]}" # the launch is the first prior event
  measure "team selections, 64 conn, $1 prior events" 64 "$TEAM" "$ORGANISER" "$TEAM_BODY" 0 \
    "/competitions/${comps[0]}/teams"
}
small=(); big=()
for rep in $(seq 1 "$REPS"); do
  size_run 10; small+=("$RATE")
  if ((rep == 1)); then size_run 1000; fi
  size_run 10000; big+=("$RATE")
done

# N: team selections over 16 competitions at the connections that gave the best rate above, in turn with the bare
# write rate at as many threads
best=0; best_connections=1
for connections in 1 8 64; do
  if (( ${TEAMS_RATE[16-$connections]} > best )); then best=${TEAMS_RATE[16-$connections]}; best_connections=$connections; fi
done
commands=(); bares=()
for rep in $(seq 1 "$REPS"); do
  mapfile -t comps < <(competitions "n-$rep" 16)
  paths=(); for c in "${comps[@]}"; do paths+=("/competitions/$c/teams"); done
  measure "team selections, $best_connections conn, 16 competition(s)" "$best_connections" "$TEAM" "$ORGANISER" \
    "$TEAM_BODY" 0 "${paths[@]}"
  commands+=("$RATE")
  machine_quiet
  bare=$(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
    org.ledgerboard.deploy.BareWriteRate "127.0.0.1:$KAFKA_PORT" "mongodb://127.0.0.1:$STORE_PORT" "$SECONDS_EACH" \
    "$best_connections" | sed -n 's/^bare\/s=//p')
  printf '%-44s %6s writes/s\n' "bare write rate, $best_connections thread(s)" "$bare"
  bares+=("$bare")
done
echo "medians of $REPS: 10 prior events $(median "${small[@]}")/s, 10000 prior events $(median "${big[@]}")/s," \
  "team selections over 16 competitions $(median "${commands[@]}")/s, bare $(median "${bares[@]}")/s"
machine_end
awk -v n="$(median "${commands[@]}")" -v m="$(median "${bares[@]}")" -v small="$(median "${small[@]}")" \
  -v big="$(median "${big[@]}")" \
  'BEGIN {printf "commands/s=%d bare/s=%d ratio=%.3f flatness=%.3f\n", n, m, (m > 0 ? n / m : 0), (small > 0 ? big / small : 0)}'
