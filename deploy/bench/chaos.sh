#!/usr/bin/env bash
# Faults survived: for SECONDS (default 90), and on until the last fault is mended, a careful client selects teams and assigns evaluators in four
# competitions through every instance of team-service and evaluation-service (ChaosLoad), while this script kills
# with kill -9, one after another, a broker, one instance of each service, and the store, bringing each back with
# deploy/ledgerboard up. Then every answer is reconciled against the ledger (ChaosReconciliation) and the run's
# competitions are audited. Last line: acknowledged=N on-ledger=N lost=0 duplicated=0 forks=0 audit=PASS.
# Runs against the replicated runtime in LEDGERBOARD_HOME if one runs there (up --brokers 3 --replicas 2), else
# starts one in .ledgerboard-chaos and stops it at the end (its data are kept). Exits 1 unless all holds.
# Usage: deploy/bench/chaos.sh [SECONDS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LB=$ROOT/deploy/ledgerboard
RUN_SECONDS=${1:-90}
export LEDGERBOARD_HOME=${LEDGERBOARD_HOME:-$ROOT/.ledgerboard-chaos}
DATA=$LEDGERBOARD_HOME
WORK=$(mktemp -d)
trap 'kill ${load:-} ${chaos:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT

say() { echo "chaos $(date +%T): $*" >&2; }

started_here=false
if ! "$LB" status --json 2>/dev/null | grep -q '"name":"team-service-2"[^}]*"running":true'; then
  "$LB" status >/dev/null 2>&1 && { echo "chaos: a runtime without replicas runs in $DATA: down it first" >&2; exit 2; }
  say "starting 3 brokers and 2 instances of each service in $DATA"
  "$LB" up --brokers 3 --replicas 2 >&2
  started_here=true
fi
source "$DATA/run/ports.env"
status=$("$LB" status --json)
team_urls=$(grep -o '"name":"team-service-[0-9]"[^}]*' <<<"$status" | grep -o 'http://[^"]*' | paste -sd, -)
evaluation_urls=$(grep -o '"name":"evaluation-service-[0-9]"[^}]*' <<<"$status" | grep -o 'http://[^"]*' | paste -sd, -)
bootstrap=$(for i in $(seq 1 "$BROKERS"); do printf '127.0.0.1:%d,' $((KAFKA_PORT + 2 * (i - 1))); done)
bootstrap=${bootstrap%,}
java_run() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" "$@"; }

kill9() { # NAME...: as a crash does
  local name
  for name in "$@"; do
    say "kill -9 $name"
    kill -9 "$(cat "$DATA/run/$name.pid")" 2>/dev/null || say "$name was not running"
  done
}
back() { say "up"; "$LB" up >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; say "up failed"; return 1; }; }

# The faults, spread over the run: each kill, then up once the load has run a while without the part; the load
# goes on a while after the last up, then stops.
faults() {
  local step=$((RUN_SECONDS / 7)) ok=true
  sleep "$step"; kill9 kafka-2
  sleep "$step"; back || ok=false
  sleep "$step"; kill9 team-service-1 evaluation-service-2 ranking-service-1 projections-2
  sleep "$step"; back || ok=false
  sleep "$step"; kill9 store
  sleep "$step"; back || ok=false
  sleep "$step"; touch "$WORK/faults.done"
  $ok
}

say "load for ${RUN_SECONDS}s through $team_urls and $evaluation_urls"
java_run org.ledgerboard.deploy.ChaosLoad "$RUN_SECONDS" "$WORK/faults.done" "$DATA/issuer" "$WORK/receipts.tsv" "$team_urls" "$evaluation_urls" &
load=$!
faults &
chaos=$!
faulted=true
wait "$chaos" || faulted=false
wait "$load" || true
$faulted || { say "a part did not come back"; exit 1; }

say "reconciling $(wc -l <"$WORK/receipts.tsv") receipts with the ledger"
verdict=ok
reconciled=$(java_run org.ledgerboard.deploy.ChaosReconciliation "$bootstrap" "$WORK/receipts.tsv") || verdict=failed
audit=PASS
for c in $(cut -f1 "$WORK/receipts.tsv" | grep -o '^chaos-[0-9a-f]*-[0-9]*' | sort -u); do
  "$LB" audit --competition "$c" >"$WORK/audit.log" 2>&1 || { audit=FAIL; cat "$WORK/audit.log" >&2; }
done
if $started_here; then "$LB" down >&2; fi
echo "$reconciled audit=$audit"
[[ $verdict == ok && $audit == PASS ]]
