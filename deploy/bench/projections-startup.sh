#!/usr/bin/env bash
# Benchmark: how long projections take from launch to ready (/q/health/ready) on a ledger of RECORDS records
# (competitions of 1,000 events, sealed), first with nothing persisted ("cold": every record read, checked and
# folded), then after a restart ("warm": resumed from the fold states the first run wrote with its checkpoints;
# each competition's state is read when first needed, which the script also times).
# Runs a broker and store of its own in a temporary data folder (ports as deploy/ledgerboard's, so stop the local
# runtime first). Last line: records=N cold=Xs warm=Ys
# Usage: deploy/bench/projections-startup.sh [RECORDS=1000000] [HEAP=3g]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RECORDS=${1:-1000000}
HEAP=${2:-3g}
export LEDGERBOARD_HOME
LEDGERBOARD_HOME=$(mktemp -d)
PID=
cleanup() {
  if [[ -n $PID ]]; then kill "$PID" 2>/dev/null || true; fi
  "$ROOT/deploy/ledgerboard" down >/dev/null 2>&1 || true
  rm -rf "$LEDGERBOARD_HOME"
}
trap cleanup EXIT
"$ROOT/deploy/ledgerboard" up --infra-only >/dev/null
source "$LEDGERBOARD_HOME/run/ports.env"
PORT=${LEDGERBOARD_PROJECTIONS_PORT:-8084}
LOG=$LEDGERBOARD_HOME/logs/projections.log
source "$ROOT/deploy/bench/machine.sh"
machine_start
java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$ROOT/deploy/target/lib/*:$(ls "$ROOT"/deploy/target/deploy-*.jar)" \
  org.ledgerboard.deploy.StartupLedger "127.0.0.1:$KAFKA_PORT" "$LEDGERBOARD_HOME" "$RECORDS"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
metric() { curl -s "http://127.0.0.1:$PORT/q/metrics" | awk -v m="$1" '$1 == m { print $2 }'; }

start() { # sets PID, and ELAPSED to the seconds from launch to ready
  local started
  started=$(now_ms)
  LEDGERBOARD_KAFKA="127.0.0.1:$KAFKA_PORT" LEDGERBOARD_MONGO="mongodb://127.0.0.1:$STORE_PORT" \
    LEDGERBOARD_PROJECTIONS_PORT=$PORT java -Xmx"$HEAP" -jar "$ROOT/projections/target/quarkus-app/quarkus-run.jar" \
    >>"$LOG" 2>&1 &
  PID=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready") == 200 ]]; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG" >&2; echo "projections died" >&2; exit 1; }
    sleep 0.1
  done
  local ms=$(($(now_ms) - started))
  ELAPSED=$(printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)))
}

stop() {
  kill -TERM "$PID"
  wait "$PID" || true
  PID=
}

start
cold=$ELAPSED
echo "cold start (nothing persisted): ready in ${cold} s, $(metric ledgerboard_projections_records_folded) records folded"
# The states are written with the first checkpoints after catching up: wait until every competition's is.
until [[ $(metric ledgerboard_projections_unpersisted) == 0.0 ]]; do sleep 1; done
echo "states written; store size $(du -sh "$LEDGERBOARD_HOME/store" | cut -f1)"
stop
start
warm=$ELAPSED
echo "warm start (resumed): ready in ${warm} s, $(metric ledgerboard_projections_records_folded) records folded"
grep -a "persisted (each restored" "$LOG" | tail -1
# A competition's state is read when first needed: what the first reader of one waits for it.
first=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/competitions/bench-1000-0/funding")
again=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/competitions/bench-1000-0/funding")
echo "first view of a resumed competition (1,000 events): ${first} s; the next: ${again} s"
stop
machine_end
echo "records=$RECORDS cold=${cold}s warm=${warm}s"
